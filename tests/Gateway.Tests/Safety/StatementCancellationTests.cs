using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.Store;
using Gateway.Store.PreparedStatements;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Safety;

/// <summary>A cancelled token (the execution timeout, a client that left) stops the SQL statement that is running.</summary>
public sealed class StatementCancellationTests(StatementCancellationTests.Gateway gateway) : IClassFixture<StatementCancellationTests.Gateway>
{
    /// <summary>The storefront with a three-second execution timeout (a cold first screen fits).</summary>
    public sealed class Gateway : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:Execution:Timeout", "00:00:03")];
    }

    /// <summary>
    /// A legitimate filter that no product matches, so SQLite visits every row of nested correlated EXISTS:
    /// product → its 10 reviews → each author's 20 reviews → their products' reviews → ... At scale 1 two hops
    /// (reviews.some.author.reviews.some) take about 0.07 s, three 1.7 s, four 45 s; this one has five, minutes.
    /// </summary>
    private static readonly string SlowFilter = "{ products(first: 1, where: " + Hops(
        ["reviews", "author", "reviews", "product", "reviews", "author", "reviews", "product", "reviews"],
        "{ title: { contains: \"no such title\" } }") + ") { nodes { id } } }";

    private static string Hops(string[] path, string leaf) =>
        path.Reverse().Aggregate(leaf, (inner, hop) => hop == "reviews" ? $"{{ reviews: {{ some: {inner} }} }}" : $"{{ {hop}: {inner} }}");

    [Fact]
    public async Task Cancelling_interrupts_a_running_sqlite_statement()
    {
        var contexts = gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>();
        await using var db = await contexts.CreateDbContextAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var watch = Stopwatch.StartNew();

        // Counts to 200 million inside one statement: tens of seconds unless interrupted.
        var query = db.Database.SqlQueryRaw<long>(
            "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000000) SELECT count(*) AS Value FROM c");
        var failure = await Record.ExceptionAsync(() => query.ToListAsync(cancellation.Token));

        Assert.NotNull(failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"the statement ran {watch.Elapsed.TotalSeconds:F1} s after cancellation");
    }

    [Fact]
    public async Task The_execution_timeout_interrupts_the_statement_of_a_query_on_the_pooled_connections_and_answers_TIMEOUT()
    {
        using var client = gateway.CreateClient();
        client.Timeout = TimeSpan.FromSeconds(60);
        await client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = "UHJvZHVjdDox" }); // warm: JIT, schema, a pooled connection
        var pool = gateway.Services.GetRequiredService<SqliteQueryContextPool>();
        var statementsBefore = pool.Hits + pool.Misses;

        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(HostileRequest.Json(System.Text.Json.JsonSerializer.Serialize(new { query = SlowFilter })));
        var elapsed = watch.Elapsed;
        var body = await response.Content.ReadAsStringAsync();

        // The statement ran on the query engine's pooled connections (prepared-statement reuse), not the factory's.
        Assert.True(pool.Hits + pool.Misses > statementsBefore, $"the query did not run through SqliteQueryContextPool: {body}");
        // GraphQL.NET waits for the resolver, and the resolver for its statement: an answer this early means SQLite
        // stopped the statement minutes before its end.
        Assert.True(elapsed < TimeSpan.FromSeconds(15), $"answered after {elapsed.TotalSeconds:F1} s");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(body)!["errors"]!.AsArray();
        Assert.Equal("TIMEOUT", (string?)errors.Single()!["extensions"]!["code"]);
        Assert.Null(JsonNode.Parse(body)!["data"]);

        // The interrupted connection goes back to the pool and serves the next request (the pool keeps it open).
        var page = await client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = "UHJvZHVjdDox" });
        Assert.Equal("UHJvZHVjdDox", (string?)page["product"]!["id"]);
    }
}
