using System.Linq.Expressions;

namespace Gateway.Catalog;

/// <summary>Projections to the REST DTOs, kept as expressions so that EF Core selects only their columns.</summary>
internal static class CatalogProjections
{
    public static readonly Expression<Func<Product, ProductDto>> ToDto = p =>
        new ProductDto(p.Id, p.Sku, p.Name, p.Description, p.Price, p.Currency, p.CreatedAt, p.CategoryId, p.WeightGrams,
            // Joined into the product's own statement (EF Core's single-query collection): no statement more per call.
            p.StockLevels.Where(s => s.Quantity > 0).OrderBy(s => s.WarehouseId).Select(s => s.WarehouseId).ToList());

    public static readonly Expression<Func<Category, CategoryDto>> CategoryToDto = c =>
        new CategoryDto(c.Id, c.Name, c.Slug, c.ParentId, c.Depth);
}
