namespace Shipping.Store;

/// <summary>What a carrier charges, and how long it travels, for a parcel up to <see cref="MaxGrams"/> to one country.</summary>
public sealed class Rate
{
    public int Id { get; set; }
    public required string CarrierCode { get; set; }
    public Carrier Carrier { get; set; } = null!;

    /// <summary>ISO 3166-1 alpha-2, upper case.</summary>
    public required string Country { get; set; }

    /// <summary>Upper bound of the weight band, inclusive.</summary>
    public int MaxGrams { get; set; }

    /// <summary>Exact money: integer cents, never a binary fraction.</summary>
    public long PriceCents { get; set; }

    public int TransitDays { get; set; }
}
