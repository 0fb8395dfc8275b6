using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>An order line's quantity is outside 1..99 (<c>InvalidQuantityError</c>).</summary>
public sealed class InvalidQuantityException(int productId, int quantity)
    : DomainException($"The quantity must be between {PlaceOrderLimits.MinQuantity} and {PlaceOrderLimits.MaxQuantity}; got {quantity}.")
{
    public int ProductId { get; } = productId;
    public int Quantity { get; } = quantity;
}
