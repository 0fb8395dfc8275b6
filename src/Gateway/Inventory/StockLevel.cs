using Gateway.Catalog;

namespace Gateway.Inventory;

/// <summary>Units of one product held in one warehouse; never negative.</summary>
public sealed class StockLevel
{
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public int WarehouseId { get; set; }
    public Warehouse Warehouse { get; set; } = null!;
    public int Quantity { get; set; }
}
