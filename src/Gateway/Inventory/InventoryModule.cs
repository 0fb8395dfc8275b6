using Gateway.EntityFramework;

namespace Gateway.Inventory;

public static class InventoryModule
{
    /// <summary>Warehouses and stock levels, and the availability they add to products.</summary>
    public static IServiceCollection AddInventoryModule(this IServiceCollection services) => services
        .AddEntityType<WarehouseType>()
        .AddEntityType<StockLevelType>()
        .AddEmbeddedType<AvailabilityType>()
        .AddEntityTypeExtension<ProductAvailabilityFields>()
        .AddEntityQueries<InventoryQueries>();
}
