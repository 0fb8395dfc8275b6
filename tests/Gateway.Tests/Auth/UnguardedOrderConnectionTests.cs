using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Auth;

/// <summary>
/// New connections over orders, declared with no guard (<see cref="UnguardedOrdersGateway"/>), leak nothing through
/// the real endpoint: a customer sees their own orders, an anonymous caller none, an admin all, in pages, counts and
/// filters alike.
/// </summary>
public class UnguardedOrderConnectionTests(UnguardedOrdersGateway gateway) : IClassFixture<UnguardedOrdersGateway>
{
    private const int Customer = 5;
    private const string Query = """
        {
          allOrders(first: 30) { totalCount nodes { customer { id } } }
          products(first: 10) { nodes { orders(first: 10) { totalCount nodes { customer { id } } } } }
          ordered: products(first: 1, where: { orders: { any: true } }) { totalCount }
        }
        """;

    private readonly HttpClient _client = gateway.CreateClient();

    private string Token(int id, bool admin = false) => gateway.Services.GetRequiredService<TokenIssuer>().Issue(id, "Tester", admin);

    private async Task<(int Own, int All, int OrderedProducts, int OwnOrderedProducts)> CountsAsync()
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        return (await db.Orders.CountAsync(o => o.CustomerId == Customer), await db.Orders.CountAsync(),
            await db.Products.CountAsync(p => db.OrderLines.Any(l => l.ProductId == p.Id)),
            await db.Products.CountAsync(p => db.OrderLines.Any(l => l.ProductId == p.Id && l.Order.CustomerId == Customer)));
    }

    private static IEnumerable<string?> Owners(JsonObject data) =>
        data["allOrders"]!["nodes"]!.AsArray().Concat(data["products"]!["nodes"]!.AsArray().SelectMany(p => p!["orders"]!["nodes"]!.AsArray()))
            .Select(o => (string?)o!["customer"]!["id"]);

    private static int ProductOrderCount(JsonObject data) =>
        data["products"]!["nodes"]!.AsArray().Sum(p => (int)p!["orders"]!["totalCount"]!);

    [StoreFact]
    public async Task A_customer_sees_only_their_own_orders_through_a_connection_with_no_guard()
    {
        var counts = await CountsAsync();
        var data = await _client.QueryAsync(Query, bearerToken: Token(Customer));

        Assert.True(counts.Own > 0);
        Assert.Equal(counts.Own, (int)data["allOrders"]!["totalCount"]!);
        Assert.NotEmpty(Owners(data));
        Assert.All(Owners(data), owner => Assert.Equal(GlobalId.Encode("Customer", Customer), owner));
        Assert.Equal(counts.OwnOrderedProducts, (int)data["ordered"]!["totalCount"]!);
    }

    [StoreFact]
    public async Task An_anonymous_caller_sees_no_order_and_no_error()
    {
        var data = await _client.QueryAsync(Query);

        Assert.Equal(0, (int)data["allOrders"]!["totalCount"]!);
        Assert.Empty(Owners(data));
        Assert.Equal(0, ProductOrderCount(data));
        Assert.Equal(0, (int)data["ordered"]!["totalCount"]!);
    }

    [StoreFact]
    public async Task An_admin_sees_every_order()
    {
        var counts = await CountsAsync();
        var data = await _client.QueryAsync(Query, bearerToken: Token(1, admin: true));

        Assert.Equal(counts.All, (int)data["allOrders"]!["totalCount"]!);
        Assert.True(Owners(data).Distinct().Count() > 1);
        Assert.Equal(counts.OrderedProducts, (int)data["ordered"]!["totalCount"]!);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class UnguardedOrderConnectionTestsOnPostgreSql(PostgreSqlUnguardedOrdersGateway store)
    : UnguardedOrderConnectionTests(store), IClassFixture<PostgreSqlUnguardedOrdersGateway>, IRunsOnPostgreSql;
