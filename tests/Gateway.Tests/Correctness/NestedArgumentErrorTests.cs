using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Tests.Budgets;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>Through the real endpoint: a bad argument of a nested field nulls that field only, at its own path.</summary>
public class NestedArgumentErrorTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [StoreFact]
    public async Task A_refused_page_size_under_viewer_keeps_the_viewer()
    {
        var result = await _client.PostGraphQLAsync("{ viewer { id name reviews(first: 500) { nodes { id } } } }", bearerToken: gateway.TokenFor(1));

        var error = Assert.Single(result["errors"]!.AsArray())!;
        Assert.Equal("PAGING_MAX_SIZE_EXCEEDED", (string?)error["extensions"]!["code"]);
        Assert.Equal("[\"viewer\",\"reviews\"]", error["path"]!.ToJsonString());
        var viewer = result["data"]!["viewer"]!;
        Assert.Equal(StoreOracle.Id("Customer", 1), (string?)viewer["id"]);
        Assert.Null(viewer["reviews"]);
    }

    [StoreFact]
    public async Task A_refused_page_size_under_each_product_keeps_the_products()
    {
        var result = await _client.PostGraphQLAsync("{ products(first: 3, order: [{ id: ASC }]) { nodes { id reviews(first: 500) { totalCount } } } }");

        var paths = result["errors"]!.AsArray().Select(e => e!["path"]!.ToJsonString()).ToList();
        Assert.Equal(
            ["[\"products\",\"nodes\",0,\"reviews\"]", "[\"products\",\"nodes\",1,\"reviews\"]", "[\"products\",\"nodes\",2,\"reviews\"]"],
            paths);
        var nodes = result["data"]!["products"]!["nodes"]!.AsArray();
        Assert.Equal([1, 2, 3], nodes.Select(n => StoreOracle.KeyOf((string)n!["id"]!, "Product")));
        Assert.All(nodes, n => Assert.Null(n!["reviews"]));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class NestedArgumentErrorTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : NestedArgumentErrorTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
