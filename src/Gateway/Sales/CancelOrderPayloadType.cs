using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary><c>input CancelOrderInput { orderId: ID! }</c>.</summary>
public sealed class CancelOrderInputType : InputObjectGraphType
{
    public CancelOrderInputType()
    {
        Name = "CancelOrderInput";
        Field<NonNullGraphType<IdGraphType>>("orderId");
    }
}

/// <summary><c>union CancelOrderError = OrderNotFoundError | InvalidOrderStatusError | ValidationError</c>.</summary>
public sealed class CancelOrderErrorType : UnionGraphType
{
    public CancelOrderErrorType()
    {
        Name = "CancelOrderError";
        Type<OrderNotFoundErrorType>();
        Type<InvalidOrderStatusErrorType>();
        Type<ValidationErrorType>();
    }
}

/// <summary><c>type CancelOrderPayload { order: Order, errors: [CancelOrderError!] }</c>.</summary>
public sealed class CancelOrderPayloadType() : EntityPayloadType<Order, CancelOrderErrorType>("CancelOrderPayload", "order", "Order");
