namespace Shipping.Store;

/// <summary>A parcel carrier the service books with.</summary>
public sealed class Carrier
{
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<Rate> Rates { get; set; } = [];
}
