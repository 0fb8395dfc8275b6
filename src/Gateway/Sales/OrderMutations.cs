using Gateway.Auth;
using Gateway.Customers;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;
using GraphQL;

namespace Gateway.Sales;

/// <summary><c>placeOrder</c> and <c>cancelOrder</c> (signed in; cancelling: the owner or an admin) and <c>updateOrderStatus</c> (admins).</summary>
public sealed class OrderMutations : MutationFields
{
    public OrderMutations()
    {
        Mutation<PlaceOrderInput, OrderService, Order>("placeOrder", (input, orders, context) =>
                orders.PlaceOrderAsync(context.RequireCustomerId(), input.Lines, context.CancellationToken))
            .Description("Places a PENDING order for the signed-in customer at the store's prices, reserving stock in one transaction.")
            .Authorize(CustomerPolicies.SignedIn)
            .Error<InvalidQuantityException>()
            .Error<OutOfStockException>()
            .Error<ProductNotFoundException>();

        Mutation<CancelOrderInput, OrderService, Order>("cancelOrder", (input, orders, context) =>
                orders.CancelOrderAsync(CallerOf(context), input.OrderId, context.CancellationToken))
            .Description("Cancels a PENDING or PAID order of the signed-in customer (any order for admins) and returns its stock.")
            .Authorize(CustomerPolicies.SignedIn)
            .Error<OrderNotFoundException>()
            .Error<InvalidOrderStatusException>();

        Mutation<UpdateOrderStatusInput, OrderService, Order>("updateOrderStatus", (input, orders, context) =>
                orders.UpdateOrderStatusAsync(input.OrderId, input.Status, context.CancellationToken))
            .Description("Moves an order one step along PENDING → PAID → SHIPPED → DELIVERED. Admins only.")
            .Authorize(CustomerPolicies.Admin)
            .Error<OrderNotFoundException>()
            .Error<InvalidOrderStatusException>();
    }

    private static Caller CallerOf(IResolveFieldContext context) =>
        Caller.From(context.User) ?? throw AuthorizationErrors.NotAuthenticated(context.Path);
}
