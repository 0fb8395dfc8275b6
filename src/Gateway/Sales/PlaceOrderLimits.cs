namespace Gateway.Sales;

/// <summary>The bounds of an order as placed: lines per order and units per line.</summary>
public static class PlaceOrderLimits
{
    public const int MinQuantity = 1;
    public const int MaxQuantity = 99;
    public const int MaxLines = 50;
}
