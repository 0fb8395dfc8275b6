using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary>The order's status does not allow the change (<c>InvalidOrderStatusError</c>).</summary>
public sealed class InvalidOrderStatusException(OrderStatus current, OrderStatus requested, string message) : DomainException(message)
{
    public OrderStatus Current { get; } = current;
    public OrderStatus Requested { get; } = requested;
}

/// <summary><c>InvalidOrderStatusError { message status }</c>: <c>status</c> is the order's current status.</summary>
public sealed class InvalidOrderStatusErrorType : ErrorObjectType<InvalidOrderStatusException>
{
    public InvalidOrderStatusErrorType() : base("The order's status does not allow the change.") =>
        Field("status", new NonNullGraphType(new GraphQLTypeReference("OrderStatus")))
            .Description("The order's current status.")
            .Resolve(context => context.Source.Current);
}
