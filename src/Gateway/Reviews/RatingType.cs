using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Reviews;

/// <summary>A product's rating, computed in SQL from its reviews.</summary>
public sealed class RatingType : EmbeddedType<Product>
{
    public RatingType()
    {
        Name = "Rating";
        Field("average", p => p.Reviews.Average(r => (double?)r.Rating)).Description("Average stars; null when there are no reviews.");
        Field("count", p => p.Reviews.Count());
    }
}
