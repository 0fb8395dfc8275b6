using Gateway.EntityFramework.Types;
using GraphQL.Types;

namespace Gateway.Catalog;

public sealed class ProductType : EntityType<Product>
{
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
        List("related", arguments => RelatedProducts(arguments.Get("first", 4)))
            .Description("Other products of the same category, best average rating first, then lowest id.")
            .Argument(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 4 });
    }

    private static System.Linq.Expressions.Expression<Func<Product, IEnumerable<Product>>> RelatedProducts(int first) =>
        p => p.Category.Products
            .Where(other => other.Id != p.Id)
            .OrderByDescending(other => other.Reviews.Average(r => (double?)r.Rating))
            .ThenBy(other => other.Id)
            .Take(Math.Clamp(first, 0, 20));
}
