using System.Linq.Expressions;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.Catalog;

public sealed class ProductType : EntityType<Product>
{
    /// <summary>Most related products one field may ask for.</summary>
    public const int MaxRelated = 20;

    // One tree per size, built once: a tree never changes, and writing this one out on every request was about 2% of
    // a product page's time in-process (docs/performance.md, change 23).
    private static readonly Expression<Func<Product, IEnumerable<Product>>>[] RelatedBySize =
        [.. Enumerable.Range(0, MaxRelated + 2).Select(RelatedProducts)];

    public ProductType()
    {
        Name = "Product";
        Id(p => p.Id);
        Field(p => p.Sku);
        Field(p => p.Name);
        Field(p => p.Description).NotFilterable().NotSortable();
        Field(p => p.Price);
        Field(p => p.Currency);
        Field(p => p.CreatedAt);
        Reference(p => p.Category);
        // One more than asked, then the product itself is dropped after the read: leaving it out in SQL
        // (other.Id != p.Id) is a correlation SQLite cannot page without APPLY.
        List("related", arguments => RelatedBySize[FirstRelated(arguments) + 1])
            .ExcludeParent(arguments => arguments.Get("first", 4))
            .Description("Other products of the same category, best average rating first, then lowest id.")
            .Argument(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 4 });
    }

    private static int FirstRelated(FieldArguments arguments) => arguments.Get("first", 4) is var first and >= 0 and <= MaxRelated
        ? first
        : throw new ExecutionError($"'first' of 'related' must be between 0 and {MaxRelated}.") { Code = "ARGUMENT_OUT_OF_RANGE" };

    private static Expression<Func<Product, IEnumerable<Product>>> RelatedProducts(int take) =>
        p => p.Category.Products
            // ProductRating.Average written out (an expression inside a nested lambda is not inlined): ranking a category
            // reads its product rows' kept aggregates, not their reviews.
            // Unrated last, said outright: SQLite sorts NULL last in a descending order, PostgreSQL first.
            .OrderBy(other => other.ReviewCount == 0)
            .ThenByDescending(other => other.ReviewCount == 0 ? null : (double?)other.RatingSum / other.ReviewCount)
            .ThenBy(other => other.Id)
            .Take(take);
}
