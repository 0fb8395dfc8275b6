using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

/// <summary>What the Reviews module adds to Product.</summary>
public sealed class ProductReviewFields : EntityTypeExtension<Product>
{
    public ProductReviewFields()
    {
        Connection("reviews", p => p.Reviews);
        Embedded<RatingType>("rating");
    }
}
