using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

/// <summary>What the Reviews module adds to Product.</summary>
public sealed class ProductReviewFields : EntityTypeExtension<Product>
{
    public ProductReviewFields()
    {
        Connection<Review>("reviews", r => r.ProductId);
        Embedded<RatingType>("rating");
    }
}
