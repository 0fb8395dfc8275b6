using System.Linq.Expressions;
using Gateway.Catalog;
using Gateway.Store;

namespace Gateway.Rest;

/// <summary>A product as REST serves it, kept as an expression so that EF Core selects only its columns.</summary>
internal static class ProductProjection
{
    /// <summary>The product with the warehouses stocking it, read from <paramref name="db"/>'s stock levels.</summary>
    public static Expression<Func<Product, ProductDto>> ToDto(StoreDbContext db) => p =>
        new ProductDto(p.Id, p.Sku, p.Name, p.Description, p.Price, p.Currency, p.CreatedAt, p.CategoryId, p.WeightGrams,
            // Joined into the product's own statement (EF Core's single-query collection): no statement more per call.
            db.StockLevels.Where(s => s.ProductId == p.Id && s.Quantity > 0).OrderBy(s => s.WarehouseId).Select(s => s.WarehouseId).ToList());
}
