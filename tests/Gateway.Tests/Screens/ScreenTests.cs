using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Gateway.Tests.Screens;

/// <summary>The contract's screens, run exactly as written through POST /graphql, their results pinned by snapshots.</summary>
public class ScreenTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [StoreFact]
    public async Task ProductPage_renders_a_reviewed_product()
    {
        var id = await GlobalIdOfProductAsync("SKU-000001");

        var data = await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id });

        data.MatchJsonSnapshot();
        var product = data["product"]!;
        Assert.Equal("Product", (string?)product["__typename"]);
        Assert.Equal("SKU-000001", (string?)product["sku"]);
        Assert.True(product["reviews"]!["nodes"]!.AsArray().Count <= 5);
    }

    [StoreFact]
    public async Task CatalogPage_lists_a_category_under_a_price()
    {
        var data = await _client.QueryAsync(GraphQLHttp.Screen("CatalogPage"), new { slug = "headphones", maxPrice = 250.00m });

        data.MatchJsonSnapshot();
        var prices = data["products"]!["edges"]!.AsArray().Select(e => (decimal)e!["node"]!["price"]!).ToList();
        Assert.NotEmpty(prices);
        Assert.Equal(prices.Order(), prices);
        Assert.All(prices, p => Assert.True(p <= 250m));
    }

    [StoreFact]
    public async Task HomePage_shows_roots_new_arrivals_and_budget_picks()
    {
        var data = await _client.QueryAsync(GraphQLHttp.Screen("HomePage"));

        data.MatchJsonSnapshot();
        Assert.Equal(8, data["newArrivals"]!["nodes"]!.AsArray().Count);
        Assert.All(data["budgetPicks"]!["nodes"]!.AsArray(), p => Assert.True((decimal)p!["price"]! < 10m));
    }

    private async Task<string> GlobalIdOfProductAsync(string sku)
    {
        var data = await _client.QueryAsync("query($sku: String!) { products(where: { sku: { eq: $sku } }) { nodes { id } } }", new { sku });
        return (string)data["products"]!["nodes"]![0]!["id"]!;
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ScreenTestsOnPostgreSql(PostgreSqlGatewayFactory store) : ScreenTests(store), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
