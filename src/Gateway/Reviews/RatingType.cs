using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

/// <summary>A product's rating, read from the count and sum of stars its review writes keep (see <see cref="ProductRating"/>).</summary>
public sealed class RatingType : EmbeddedType<Product>
{
    public RatingType()
    {
        Name = "Rating";
        Field("average", ProductRating.Average).Description("Average stars; null when there are no reviews.");
        Field("count", p => p.ReviewCount);
    }
}
