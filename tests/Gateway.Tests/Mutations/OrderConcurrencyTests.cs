using Gateway.Testing.PostgreSql;
using System.Diagnostics;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Sales;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Mutations;

public class OrderConcurrencyTests(MutationStore store) : IClassFixture<MutationStore>
{
    [StoreFact]
    public async Task Fifty_concurrent_orders_for_the_last_ten_units_sell_exactly_ten()
    {
        const int productId = 701;
        await store.SetStockAsync(productId, (1, 4), (2, 3), (3, 2), (4, 1));
        var orders = store.Get<OrderService>();
        int lastOrderBefore;
        await using (var before = await store.DbAsync())
        {
            lastOrderBefore = await before.Orders.MaxAsync(o => o.Id);
        }
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            await start.WaitAsync();
            try
            {
                await orders.PlaceOrderAsync(100 + i, [new OrderLineRequest(productId, 1)]);
                return "placed";
            }
            catch (OutOfStockException)
            {
                return "out of stock";
            }
        })).ToList();
        var clock = Stopwatch.StartNew();
        start.Release(50);
        var outcomes = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(10, outcomes.Count(o => o == "placed"));
        Assert.Equal(40, outcomes.Count(o => o == "out of stock"));
        Assert.All((await store.StockAsync(productId)).Values, quantity => Assert.Equal(0, quantity));
        await using var db = await store.DbAsync();
        Assert.Equal(10, await db.OrderLines.Where(l => l.ProductId == productId && l.OrderId > lastOrderBefore).SumAsync(l => l.Quantity));
        Assert.Equal(10, await db.StockReservations.Where(r => db.OrderLines.Any(l => l.Id == r.OrderLineId && l.ProductId == productId)).SumAsync(r => r.Quantity));
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(30), $"took {clock.Elapsed}");
    }

    [StoreFact]
    public async Task Fifty_concurrent_place_order_requests_sell_exactly_ten_and_the_losers_get_out_of_stock_errors()
    {
        const int productId = 702;
        await store.SetStockAsync(productId, (1, 2), (2, 2), (3, 3), (4, 3));
        var issuer = store.Get<TokenIssuer>();
        var client = store.CreateClient();
        const string mutation = """
            mutation($lines: [OrderLineInput!]!) { placeOrder(input: { lines: $lines }) {
              order { id } errors { __typename ... on OutOfStockError { available } } } }
            """;
        var variables = new { lines = new[] { new { productId = GlobalId.Encode("Product", productId), quantity = 1 } } };
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, 50).Select(i => Task.Run(async () =>
        {
            var token = issuer.Issue(150 + i, $"Buyer {i}", isAdmin: false);
            await start.WaitAsync();
            // PostGraphQLAsync fails the test on any 5xx; QueryAsync on any GraphQL error such as "database is locked".
            var data = await client.QueryAsync(mutation, variables, token);
            return data["placeOrder"]!;
        })).ToList();
        start.Release(50);
        var payloads = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(10, payloads.Count(p => p["order"] is not null));
        var losers = payloads.Where(p => p["order"] is null).ToList();
        Assert.Equal(40, losers.Count);
        Assert.All(losers, p => Assert.Equal("OutOfStockError", (string?)p["errors"]![0]!["__typename"]));
        Assert.All(losers, p => Assert.Equal(0, (int)p["errors"]![0]!["available"]!));
        Assert.All((await store.StockAsync(productId)).Values, quantity => Assert.Equal(0, quantity));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class OrderConcurrencyTestsOnPostgreSql(PostgreSqlMutationStore store) : OrderConcurrencyTests(store), IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql;
