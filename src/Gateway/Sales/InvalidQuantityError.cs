using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>An order line's quantity is outside 1..99 (<c>InvalidQuantityError { message productId quantity }</c>).</summary>
[Description("An order line's quantity is outside 1..99 (after merging lines of the same product).")]
public sealed class InvalidQuantityException(int productId, int quantity)
    : DomainException($"The quantity must be between {PlaceOrderLimits.MinQuantity} and {PlaceOrderLimits.MaxQuantity}; got {quantity}.")
{
    [GlobalId<Product>]
    public int ProductId { get; } = productId;

    public int Quantity { get; } = quantity;
}
