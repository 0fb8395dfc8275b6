using Gateway.EntityFramework;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Sales;

public static class SalesModule
{
    /// <summary>Orders and their lines, the orders they add to customers, the order mutations and <c>onOrderStatusChanged</c>.</summary>
    public static IServiceCollection AddSalesModule(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<OrderService>();
        return services
            .AddEntityType<OrderType>()
            .AddEntityType<OrderLineType>()
            .AddEntityTypeExtension<CustomerOrderFields>()
            .AddEntityQueries<SalesQueries>()
            .AddMutationFields<OrderMutations>()
            .AddSubscriptionFields<OrderSubscriptions>();
    }
}
