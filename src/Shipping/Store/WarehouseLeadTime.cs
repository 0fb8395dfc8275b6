namespace Shipping.Store;

/// <summary>Days a storefront warehouse (by the store's warehouse id) needs to hand a parcel to a carrier.</summary>
public sealed class WarehouseLeadTime
{
    public required string WarehouseId { get; set; }
    public int Days { get; set; }
}
