using Gateway.DataLoader;
using Gateway.EntityFramework;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.Catalog;

public sealed class ProductType : EntityType<Product>
{
    /// <summary>Most related products one field may ask for.</summary>
    public const int MaxRelated = 20;

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
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>, RelatedKey>(
                "related", p => new RelatedKey(p.Id, p.CategoryId), ResolveRelated)
            .Description("Other products of the same category, best average rating first, then lowest id.")
            .Argument(new QueryArgument<IntGraphType> { Name = "first", DefaultValue = 4 });
    }

    /// <summary>
    /// Ranks the category in a batched lookup (one more than asked, in case the product itself ranks), then
    /// projects the chosen products for the field's selection like any other product.
    /// </summary>
    private static ValueTask<object?> ResolveRelated(IResolveFieldContext context, RelatedKey key)
    {
        var first = context.GetArgument("first", 4);
        if (first is < 0 or > MaxRelated)
        {
            throw new ExecutionError($"'first' must be between 0 and {MaxRelated}.") { Code = "ARGUMENT_OUT_OF_RANGE" };
        }
        var ranking = context.GetDataLoader<RelatedProductIdsLoader>().LoadAsync(new RelatedProductsRequest(key.CategoryId, first + 1));
        return ValueTask.FromResult<object?>(ranking.Then(async (ids, _) =>
        {
            var chosen = (ids ?? []).Where(id => id != key.ProductId).Take(first).Cast<object>();
            return (await context.LoadEntitiesAsync<Product>(chosen)).Where(row => row is not null).ToList();
        }));
    }

    private sealed record RelatedKey(int ProductId, int CategoryId);
}
