using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Store.PreparedStatements;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Store;

/// <summary>
/// The query engine on SQLite reads through connections it keeps open, reusing each statement it prepared: a
/// repeated screen compiles nothing, still answers the same, and sees what writers committed in between.
/// </summary>
public sealed class PreparedStatementReuseTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    private SqliteQueryContextPool Pool => gateway.Services.GetRequiredService<SqliteQueryContextPool>();

    [Fact]
    public async Task A_repeated_screen_runs_on_prepared_statements_and_answers_the_same()
    {
        var variables = new { id = GlobalId.Encode("Product", 3) };
        var first = await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), variables);
        var hits = Pool.Hits;
        var misses = Pool.Misses;

        // Sequential requests rent the same idle connection, whose statements the first request prepared.
        JsonObject? again = null;
        for (var i = 0; i < 5; i++)
        {
            again = await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), variables);
        }

        Assert.True(JsonNode.DeepEquals(first, again), "The answer changed when read through prepared statements.");
        Assert.True(Pool.Hits - hits >= 5 * 3, $"Expected every statement of five ProductPage requests to be reused; hits {Pool.Hits - hits}, misses {Pool.Misses - misses}.");
        Assert.Equal(misses, Pool.Misses);
    }

    [Fact]
    public async Task The_kept_connections_read_the_store_file_through_memory_mapping()
    {
        var context = await Pool.RentAsync(CancellationToken.None);
        try
        {
            await using var command = context.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA mmap_size";

            Assert.Equal(256L * 1024 * 1024, Convert.ToInt64(await command.ExecuteScalarAsync()));
        }
        finally
        {
            await Pool.Return(context);
        }
    }

    [Fact]
    public async Task A_kept_connection_reads_what_a_mutation_committed_after_its_statement_was_prepared()
    {
        const string Rating = "query($id: ID!) { node(id: $id) { ... on Product { rating { count } reviews(first: 1, order: [{ createdAt: DESC }, { id: DESC }]) { nodes { title } } } } }";
        int productId;
        await using (var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync())
        {
            productId = await db.Products.Where(p => !db.Reviews.Any(r => r.ProductId == p.Id && r.AuthorId == 77)).OrderBy(p => p.Id).Select(p => p.Id).FirstAsync();
        }

        var product = GlobalId.Encode("Product", productId);
        var before = await _client.QueryAsync(Rating, new { id = product });
        await _client.QueryAsync(Rating, new { id = product }); // prepared and reused

        var token = gateway.Services.GetRequiredService<TokenIssuer>().Issue(77, "Customer 77", false);
        var added = await _client.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = product, rating = 4, title = "Fresh after prepare", body = "Seen by the next read." }, token);
        Assert.True(added["addReview"]!["errors"] is null, added.ToJsonString());

        var after = await _client.QueryAsync(Rating, new { id = product });
        Assert.Equal((int)before["node"]!["rating"]!["count"]! + 1, (int)after["node"]!["rating"]!["count"]!);
        Assert.Equal("Fresh after prepare", (string?)after["node"]!["reviews"]!["nodes"]![0]!["title"]);
    }

    [Fact]
    public async Task Parallel_requests_each_get_a_connection_of_their_own_and_the_right_answer()
    {
        var ids = Enumerable.Range(1, 24).Select(i => GlobalId.Encode("Product", i)).ToList();
        var expected = new Dictionary<string, string>();
        foreach (var id in ids)
        {
            expected[id] = (await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id })).ToJsonString();
        }

        var answers = await Task.WhenAll(ids.Concat(ids).Select(async id =>
            (id, json: (await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id })).ToJsonString())));

        Assert.All(answers, a => Assert.Equal(expected[a.id], a.json));
    }
}

/// <summary>With <c>Store:ReusePreparedStatements</c> false, the engine takes the factory's contexts, as EF Core does.</summary>
public sealed class PreparedStatementReuseOffTests(PreparedStatementReuseOffTests.Factory gateway) : IClassFixture<PreparedStatementReuseOffTests.Factory>
{
    [Fact]
    public async Task The_screens_answer_without_prepared_statements_and_the_pool_keeps_no_connection()
    {
        var client = gateway.CreateClient();
        var data = await client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = GlobalId.Encode("Product", 3) });
        await client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = GlobalId.Encode("Product", 3) });

        Assert.Equal("Product", (string?)data["product"]!["__typename"]);
        var pool = gateway.Services.GetRequiredService<SqliteQueryContextPool>();
        Assert.Equal(0, pool.Hits + pool.Misses);
    }

    public sealed class Factory : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Store:ReusePreparedStatements", "false")];
    }
}
