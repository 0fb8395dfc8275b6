using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Mutations;

/// <summary>
/// The last units of stock, ordered by many clients through two gateway processes sharing one PostgreSQL store:
/// nothing in memory is shared, so only the database's row locks (OrderService.LockStockAsync) keep them from
/// overselling. The store is the fixture's database (migrated and seeded by its host); the two processes are
/// real <c>dotnet</c> processes on their own loopback ports.
/// </summary>
public sealed class TwoProcessOrderTests(PostgreSqlMutationStore store) : IClassFixture<PostgreSqlMutationStore>, IRunsOnPostgreSql
{
    private const string PlaceOrder = """
        mutation($lines: [OrderLineInput!]!) { placeOrder(input: { lines: $lines }) {
          order { id } errors { __typename ... on OutOfStockError { available } } } }
        """;

    [StoreFact]
    public async Task Sixty_clients_on_two_processes_buy_the_last_ten_units_and_exactly_ten_are_sold()
    {
        const int productId = 703;
        _ = store.Services; // migrates and seeds the store before the processes start
        await store.SetStockAsync(productId, (1, 1), (2, 2), (3, 3), (4, 4));
        int lastOrderBefore;
        await using (var before = await store.DbAsync())
        {
            lastOrderBefore = await before.Orders.MaxAsync(o => o.Id);
        }
        var starting = new[] { 0, 1 }.Select(_ => GatewayProcess.StartAsync(StoreProvider.PostgreSql, store.StoreConnectionString)).ToList();
        try
        {
            await Task.WhenAll(starting);
        }
        catch
        {
            // One failed to start: stop the other before failing.
            foreach (var started in starting.Where(t => t.IsCompletedSuccessfully))
            {
                await started.Result.DisposeAsync();
            }
            throw;
        }
        await using var first = starting[0].Result;
        await using var second = starting[1].Result;
        var issuer = store.Get<TokenIssuer>();
        using var clientA = new HttpClient { BaseAddress = first.BaseAddress };
        using var clientB = new HttpClient { BaseAddress = second.BaseAddress };
        // One order through each first (of another product), so that neither process races cold against a warm one.
        await store.SetStockAsync(704, (1, 2));
        foreach (var client in new[] { clientA, clientB })
        {
            var warmUp = await client.QueryAsync(PlaceOrder,
                new { lines = new[] { new { productId = GlobalId.Encode("Product", 704), quantity = 1 } } }, issuer.Issue(199, "Warm-up", isAdmin: false));
            Assert.NotNull(warmUp["placeOrder"]!["order"]);
        }
        var variables = new { lines = new[] { new { productId = GlobalId.Encode("Product", productId), quantity = 1 } } };
        using var start = new SemaphoreSlim(0);

        var calls = Enumerable.Range(0, 60).Select(i => Task.Run(async () =>
        {
            var token = issuer.Issue(200 + i, $"Buyer {i}", isAdmin: false);
            await start.WaitAsync();
            // QueryAsync fails the test on any HTTP or GraphQL error: a lock timeout or deadlock would show here.
            var data = await (i % 2 == 0 ? clientA : clientB).QueryAsync(PlaceOrder, variables, token);
            return data["placeOrder"]!;
        })).ToList();
        start.Release(60);
        var payloads = await Task.WhenAll(calls).WaitAsync(TimeSpan.FromSeconds(90));

        Assert.Equal(10, payloads.Count(p => p["order"] is not null));
        var losers = payloads.Where(p => p["order"] is null).ToList();
        Assert.Equal(50, losers.Count);
        Assert.All(losers, p => Assert.Equal("OutOfStockError", (string?)p["errors"]![0]!["__typename"]));
        Assert.All(losers, p => Assert.Equal(0, (int)p["errors"]![0]!["available"]!));
        // Which process wins how many is up to the scheduler (on a loaded machine one may win all ten); what must hold
        // is that thirty buyers hammered each process at once and the store sold exactly its stock.
        Assert.All((await store.StockAsync(productId)).Values, quantity => Assert.Equal(0, quantity));
        await using var db = await store.DbAsync();
        Assert.Equal(10, await db.OrderLines.Where(l => l.ProductId == productId && l.OrderId > lastOrderBefore).SumAsync(l => l.Quantity));
        Assert.Equal(10, await db.StockReservations.Where(r => db.OrderLines.Any(l => l.Id == r.OrderLineId && l.ProductId == productId)).SumAsync(r => r.Quantity));
    }
}
