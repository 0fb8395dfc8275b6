using Gateway.Errors;
using GraphQL.Types;

namespace Gateway.Sales;

/// <summary><c>input UpdateOrderStatusInput { orderId: ID!, status: OrderStatus! }</c>.</summary>
public sealed class UpdateOrderStatusInputType : InputObjectGraphType
{
    public UpdateOrderStatusInputType()
    {
        Name = "UpdateOrderStatusInput";
        Field<NonNullGraphType<IdGraphType>>("orderId");
        Field("status", new NonNullGraphType(new GraphQLTypeReference("OrderStatus"))).Description("The next status: PAID, SHIPPED or DELIVERED.");
    }
}

/// <summary><c>union UpdateOrderStatusError = OrderNotFoundError | InvalidOrderStatusError | ValidationError</c>.</summary>
public sealed class UpdateOrderStatusErrorType : UnionGraphType
{
    public UpdateOrderStatusErrorType()
    {
        Name = "UpdateOrderStatusError";
        Type<OrderNotFoundErrorType>();
        Type<InvalidOrderStatusErrorType>();
        Type<ValidationErrorType>();
    }
}

/// <summary><c>type UpdateOrderStatusPayload { order: Order, errors: [UpdateOrderStatusError!] }</c>.</summary>
public sealed class UpdateOrderStatusPayloadType() : EntityPayloadType<Order, UpdateOrderStatusErrorType>("UpdateOrderStatusPayload", "order", "Order");
