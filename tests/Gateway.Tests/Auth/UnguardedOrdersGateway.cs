using Gateway.Catalog;
using Gateway.EntityFramework;
using Gateway.EntityFramework.Types;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Auth;

/// <summary>
/// The gateway plus fields over orders that a careless module might add, declared without any guard of their own:
/// <c>Product.orders</c> (who bought this?) and a root <c>allOrders</c>. Only Order's row rule stands between them
/// and other customers' orders.
/// </summary>
public class UnguardedOrdersGateway : GatewayFactory
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services
            .AddEntityTypeExtension<ProductOrderFields>()
            .AddEntityQueries<AllOrdersQueries>());
    }

    private sealed class ProductOrderFields : EntityTypeExtension<Product>
    {
        public ProductOrderFields() => Connection("orders", p => Related<OrderLine>.Of(p, l => l.ProductId).Select(l => l.Order));
    }

    private sealed class AllOrdersQueries : EntityQueries<StoreDbContext>
    {
        public AllOrdersQueries() => Connection("allOrders", db => db.Orders);
    }
}

/// <summary>The same gateway on PostgreSQL.</summary>
public sealed class PostgreSqlUnguardedOrdersGateway : UnguardedOrdersGateway
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}
