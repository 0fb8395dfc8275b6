using System.Net;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Transport;

public sealed class BatchingTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private GraphQLTestServer Server => fixture.Server;

    [Fact]
    public async Task A_batch_is_answered_in_order_each_result_with_its_own_errors()
    {
        using var response = await Server.PostAsync(
            new object[]
            {
                new { query = "query ($n: String) { hello(name: $n) }", variables = new { n = "first" } },
                new { query = "{ noSuchField }" },
                new { query = "{ hello forbidden }" },
                new { qeury = "{ hello }" },
                new { query = "{ add(a: 2, b: 3) }" },
            },
            "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType());
        var results = (await response.JsonAsync()).AsArray();
        Assert.Equal(5, results.Count);

        Assert.Equal("Hello, first!", (string?)results[0]!["data"]!["hello"]);
        Assert.Null(results[0]!["errors"]);

        Assert.False(results[1]!.AsObject().ContainsKey("data"));
        Assert.Contains("noSuchField", (string?)results[1]!["errors"]![0]!["message"]);

        Assert.Equal("Hello, world!", (string?)results[2]!["data"]!["hello"]);
        Assert.Equal("FORBIDDEN", (string?)results[2]!["errors"]![0]!["extensions"]!["code"]);

        Assert.Equal("INVALID_REQUEST", (string?)results[3]!["errors"]![0]!["extensions"]!["code"]);

        Assert.Equal(5, (int?)results[4]!["data"]!["add"]);
    }

    [Fact]
    public async Task The_operations_of_a_batch_run_in_order_on_one_request_scope()
    {
        using var response = await Server.PostAsync(new object[]
        {
            new { query = "{ scopeId counter }" },
            new { query = "mutation { increment(by: 5) }" },
            new { query = "{ scopeId counter }" },
        });
        using var separate = await Server.PostAsync(new { query = "{ scopeId }" });

        var results = (await response.JsonAsync()).AsArray();
        var firstScope = (string?)results[0]!["data"]!["scopeId"];
        Assert.Equal(firstScope, (string?)results[2]!["data"]!["scopeId"]);
        Assert.NotEqual(firstScope, (string?)(await separate.JsonAsync())["data"]!["scopeId"]);
        Assert.Equal((int?)results[0]!["data"]!["counter"] + 5, (int?)results[2]!["data"]!["counter"]);
    }

    [Fact]
    public async Task A_batch_over_the_maximum_size_is_rejected_whole()
    {
        await using var server = await GraphQLTestServer.StartAsync(options => options.MaxBatchSize = 2);

        using var allowed = await server.PostAsync(new object[] { new { query = "{ hello }" }, new { query = "{ hello }" } });
        using var tooMany = await server.PostAsync(new object[] { new { query = "{ hello }" }, new { query = "{ hello }" }, new { query = "mutation { increment }" } });

        Assert.Equal(HttpStatusCode.OK, allowed.StatusCode);
        Assert.Equal(2, (await allowed.JsonAsync()).AsArray().Count);
        Assert.Equal(HttpStatusCode.BadRequest, tooMany.StatusCode);
        var error = (await tooMany.JsonAsync())["errors"]![0]!;
        Assert.Equal("BATCH_SIZE_EXCEEDED", (string?)error["extensions"]!["code"]);
        Assert.Contains("3 operations", (string?)error["message"]);
        Assert.Equal(0, server.Services.GetService(typeof(Counter)) is Counter counter ? counter.Value : -1);
    }

    [Fact]
    public async Task An_empty_batch_is_400()
    {
        using var response = await Server.PostAsync(Array.Empty<object>());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Batches_can_be_disabled()
    {
        await using var server = await GraphQLTestServer.StartAsync(options => options.EnableBatching = false);

        using var response = await server.PostAsync(new object[] { new { query = "{ hello }" } });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("BATCHING_DISABLED", (string?)(await response.JsonAsync())["errors"]![0]!["extensions"]!["code"]);
    }
}
