using Gateway.EntityFramework;

namespace Gateway.Customers;

public static class CustomersModule
{
    /// <summary>Customers, their private fields' guard, and the <c>customers</c> and <c>viewer</c> root fields.</summary>
    public static IServiceCollection AddCustomersModule(this IServiceCollection services) => services
        .AddEntityType<CustomerType>()
        .AddEntityQueries<CustomerQueries>();
}
