using Gateway.Tests.Infrastructure;
using Snapshooter.Xunit;

namespace Gateway.Tests.Modules;

/// <summary>Every module's data is reachable through the schema and matches the deterministic seed.</summary>
public sealed class ModuleQueryTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task Catalog_categories_and_products()
    {
        var data = await _client.QueryAsync("""
            {
              categories(where: { depth: { eq: 0 } }, order: [{ name: ASC }]) { name slug depth productCount children { name slug depth } }
              products(first: 3, order: [{ id: ASC }]) { totalCount nodes { sku name description price currency createdAt category { slug parent { slug } } } }
              category(slug: "books") { name children { slug } }
            }
            """);

        data.MatchJsonSnapshot();
        Assert.Equal(1_000, (int)data["products"]!["totalCount"]!);
    }

    [Fact]
    public async Task Customers_and_their_public_fields()
    {
        var data = await _client.QueryAsync("{ customers(first: 3, order: [{ id: ASC }]) { totalCount nodes { name memberSince } } }");

        data.MatchJsonSnapshot();
        Assert.Equal(500, (int)data["customers"]!["totalCount"]!);
    }

    [Fact]
    public async Task Reviews_with_product_and_author()
    {
        var data = await _client.QueryAsync(
            "{ reviews(first: 3, order: [{ id: ASC }]) { totalCount nodes { rating title body createdAt product { sku } author { name } } } }");

        data.MatchJsonSnapshot();
        Assert.Equal(10_000, (int)data["reviews"]!["totalCount"]!);
    }

    [Fact]
    public async Task Inventory_warehouses_and_availability()
    {
        var data = await _client.QueryAsync("""
            {
              warehouses { name city }
              products(first: 2, order: [{ id: ASC }]) { nodes { sku availability { inStock quantity warehouses { quantity warehouse { name } } } } }
            }
            """);

        data.MatchJsonSnapshot();
        Assert.Equal(4, data["warehouses"]!.AsArray().Count);
    }
}
