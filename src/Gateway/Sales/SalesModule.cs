using Gateway.EntityFramework;

namespace Gateway.Sales;

public static class SalesModule
{
    /// <summary>Orders and their lines, and the orders they add to customers.</summary>
    public static IServiceCollection AddSalesModule(this IServiceCollection services) => services
        .AddEntityType<OrderType>()
        .AddEntityType<OrderLineType>()
        .AddEntityTypeExtension<CustomerOrderFields>()
        .AddEntityQueries<SalesQueries>();
}
