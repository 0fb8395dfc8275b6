namespace Gateway.Inventory;

/// <summary>
/// Units of an order line taken from one warehouse when the order was placed, so a cancellation can return
/// them where they came from. Orders placed before reservations were recorded (the seeded ones) have none.
/// </summary>
public sealed class StockReservation
{
    public int OrderLineId { get; set; }
    public int WarehouseId { get; set; }

    /// <summary>At least 1.</summary>
    public int Quantity { get; set; }
}
