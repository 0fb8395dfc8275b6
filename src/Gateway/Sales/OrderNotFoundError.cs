using Gateway.EntityFramework.Relay;
using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary>
/// No such order, or none the caller may see (<c>OrderNotFoundError</c>): another customer's order is reported
/// as missing, so the mutation does not reveal which order ids exist.
/// </summary>
public sealed class OrderNotFoundException(int orderId) : DomainException("The order does not exist.")
{
    public int OrderId { get; } = orderId;
}

/// <summary><c>OrderNotFoundError { message orderId }</c>.</summary>
public sealed class OrderNotFoundErrorType : ErrorObjectType<OrderNotFoundException>
{
    public OrderNotFoundErrorType() : base("No such order, or none the caller may see.") =>
        Field<NonNullGraphType<IdGraphType>>("orderId").Resolve(context => GlobalId.Encode("Order", context.Source.OrderId));
}
