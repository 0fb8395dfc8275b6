using Gateway.Auth;
using Gateway.Errors;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Sales;

/// <summary><c>placeOrder</c>, <c>cancelOrder</c> (owner or admin) and <c>updateOrderStatus</c> (admins).</summary>
public static class OrderMutations
{
    public static void AddTo(ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<PlaceOrderPayloadType>>("placeOrder")
            .Description("Places a PENDING order for the signed-in customer at the store's prices, reserving stock in one transaction.")
            .Argument<NonNullGraphType<PlaceOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var customerId = context.RequireCustomerId();
                return await MutationErrors<PlaceOrderErrorType>.RunAsync(context, async () =>
                {
                    var lines = ((IEnumerable<object?>)context.GetArgument<Dictionary<string, object?>>("input")["lines"]!)
                        .Cast<IDictionary<string, object?>>()
                        .Select(line => new OrderLineRequest(InputIds.Decode(line["productId"], "Product", "productId"), (int)line["quantity"]!))
                        .ToList();
                    var order = await Orders(context).PlaceOrderAsync(customerId, lines, context.CancellationToken);
                    return order.Id;
                });
            });

        mutation.Field<NonNullGraphType<CancelOrderPayloadType>>("cancelOrder")
            .Description("Cancels a PENDING or PAID order of the signed-in customer (any order for admins) and returns its stock.")
            .Argument<NonNullGraphType<CancelOrderInputType>>("input")
            .ResolveAsync(async context =>
            {
                var caller = RequireCaller(context);
                return await MutationErrors<CancelOrderErrorType>.RunAsync(context, async () =>
                {
                    var input = context.GetArgument<Dictionary<string, object?>>("input");
                    var order = await Orders(context).CancelOrderAsync(caller, InputIds.Decode(input["orderId"], "Order", "orderId"), context.CancellationToken);
                    return order.Id;
                });
            });

        mutation.Field<NonNullGraphType<UpdateOrderStatusPayloadType>>("updateOrderStatus")
            .Description("Moves an order one step along PENDING → PAID → SHIPPED → DELIVERED. Admins only.")
            .Argument<NonNullGraphType<UpdateOrderStatusInputType>>("input")
            .ResolveAsync(async context =>
            {
                // Only who is calling: whether an admin is, OrderService decides (AccessDeniedException, AUTH_NOT_AUTHORIZED).
                var caller = RequireCaller(context);
                return await MutationErrors<UpdateOrderStatusErrorType>.RunAsync(context, async () =>
                {
                    var input = context.GetArgument<Dictionary<string, object?>>("input");
                    var order = await Orders(context).UpdateOrderStatusAsync(
                        caller, InputIds.Decode(input["orderId"], "Order", "orderId"), StatusOf(input["status"]), context.CancellationToken);
                    return order.Id;
                });
            });
    }

    private static OrderService Orders(IResolveFieldContext context) => context.RequestServices!.GetRequiredService<OrderService>();

    private static Caller RequireCaller(IResolveFieldContext context) =>
        Caller.From(context.User) ?? throw AuthorizationErrors.NotAuthenticated(context.Path);

    // The OrderStatus enum type is the schema's (declared with Order); it may hand over the CLR value or its name.
    private static OrderStatus StatusOf(object? value) => value switch
    {
        OrderStatus status => status,
        string name when Enum.TryParse<OrderStatus>(name, ignoreCase: true, out var status) => status,
        _ => throw new ValidationException("status", $"'{value}' is not an order status."),
    };
}
