using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Inventory;

/// <summary>REST endpoints of the Inventory module: a product's stock rows and a warehouse.</summary>
public static class InventoryApi
{
    public static RouteGroupBuilder MapInventoryApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products/{id:int}/stock", GetProductStock);
        api.MapGet("/warehouses/{id:int}", GetWarehouse);
        return api;
    }

    /// <summary>The product's stock, one row per warehouse, by warehouse id (a plain list: warehouses are few).</summary>
    public static async Task<Results<Ok<List<StockLevelDto>>, NotFound>> GetProductStock(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var stock = await db.StockLevels.Where(s => s.ProductId == id).OrderBy(s => s.WarehouseId)
            .Select(s => new StockLevelDto(s.ProductId, s.WarehouseId, s.Quantity)).ToListAsync(cancellationToken);
        if (stock.Count == 0 && !await db.Products.AnyAsync(p => p.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(stock);
    }

    public static async Task<Results<Ok<WarehouseDto>, NotFound>> GetWarehouse(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var warehouse = await db.Warehouses.Where(w => w.Id == id)
            .Select(w => new WarehouseDto(w.Id, w.Name, w.City)).SingleOrDefaultAsync(cancellationToken);
        return warehouse is null ? TypedResults.NotFound() : TypedResults.Ok(warehouse);
    }
}
