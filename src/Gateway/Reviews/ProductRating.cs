using System.Linq.Expressions;
using Gateway.Catalog;

namespace Gateway.Reviews;

/// <summary>
/// A product's rating from its kept aggregates (<see cref="Product.ReviewCount"/>, <see cref="Product.RatingSum"/>):
/// one row's columns instead of averaging its reviews, which the rating field and <c>related</c>'s ranking did per
/// product and per request. The division is the one SQLite's AVG over integer stars makes, so the value is the same.
/// </summary>
public static class ProductRating
{
    /// <summary>Average stars, null without reviews (SQL's AVG of no rows).</summary>
    public static readonly Expression<Func<Product, double?>> Average =
        p => p.ReviewCount == 0 ? null : (double)p.RatingSum / p.ReviewCount;
}
