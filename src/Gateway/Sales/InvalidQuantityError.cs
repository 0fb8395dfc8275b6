using Gateway.EntityFramework.Relay;
using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary>An order line's quantity is outside 1..99 (<c>InvalidQuantityError</c>).</summary>
public sealed class InvalidQuantityException(int productId, int quantity)
    : DomainException($"The quantity must be between {PlaceOrderLimits.MinQuantity} and {PlaceOrderLimits.MaxQuantity}; got {quantity}.")
{
    public int ProductId { get; } = productId;
    public int Quantity { get; } = quantity;
}

/// <summary><c>InvalidQuantityError { message productId quantity }</c>.</summary>
public sealed class InvalidQuantityErrorType : ErrorObjectType<InvalidQuantityException>
{
    public InvalidQuantityErrorType() : base("An order line's quantity is outside 1..99 (after merging lines of the same product).")
    {
        Field<NonNullGraphType<IdGraphType>>("productId").Resolve(context => GlobalId.Encode("Product", context.Source.ProductId));
        Field<NonNullGraphType<IntGraphType>>("quantity").Resolve(context => context.Source.Quantity);
    }
}
