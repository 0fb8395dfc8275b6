using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Shipping;

/// <summary>Product.delivery and Order.delivery against the real service on a loopback port.</summary>
public sealed class DeliveryBatchingTests : IAsyncLifetime
{
    private RemoteShipping _remote = null!;
    private ShippingGatewayFactory _gateway = null!;

    public async Task InitializeAsync()
    {
        _remote = await RemoteShipping.StartAsync();
        _gateway = new ShippingGatewayFactory(_remote.Url, ("Diagnostics:CountSqlStatements", "true"));
    }

    public async Task DisposeAsync()
    {
        await _gateway.DisposeAsync();
        await _remote.DisposeAsync();
    }

    [Theory]
    [InlineData(5)]
    [InlineData(50)]
    public async Task A_page_of_products_makes_exactly_one_remote_call(int first)
    {
        var client = _gateway.CreateClient();
        var before = _remote.Calls;

        var data = await client.QueryAsync(DeliveryQueries.CatalogPage(first));

        Assert.Equal(1, _remote.Calls - before);
        var nodes = data["products"]!["nodes"]!.AsArray();
        Assert.Equal(first, nodes.Count);
        Assert.All(nodes, node => Assert.True(node!["delivery"]!["days"]!.GetValue<int>() > 0));
    }

    [Fact]
    public async Task Two_countries_and_two_levels_still_make_one_call()
    {
        var client = _gateway.CreateClient();
        var before = _remote.Calls;

        var data = await client.QueryAsync("""
            { node(id: "UHJvZHVjdDox") { ... on Product { de: delivery(country: "DE") { days } us: delivery(country: "us") { days cost }
                related(first: 4) { delivery(country: "DE") { days } } } } }
            """);

        Assert.Equal(1, _remote.Calls - before);
        var product = data["node"]!;
        Assert.True(product["us"]!["days"]!.GetValue<int>() > product["de"]!["days"]!.GetValue<int>());
        Assert.All(product["related"]!.AsArray(), p => Assert.NotNull(p!["delivery"]));
    }

    [Fact]
    public async Task Orders_and_their_lines_products_make_one_call()
    {
        var client = _gateway.CreateClient();
        var token = _gateway.Services.GetRequiredService<TokenIssuer>().Issue(1, "Admin", isAdmin: true);
        var before = _remote.Calls;

        var data = await client.QueryAsync("""
            { orders(first: 20) { nodes { id delivery(country: "FR") { days cost carrier { code } }
                lines { quantity product { delivery(country: "FR") { days } } } } } }
            """, bearerToken: token);

        Assert.Equal(1, _remote.Calls - before);
        var orders = data["orders"]!["nodes"]!.AsArray();
        Assert.Equal(20, orders.Count);
        // An order heavier than the heaviest band (31.5 kg) has no carrier: null, and no error (QueryAsync checked).
        Assert.Contains(orders, order => order!["delivery"] is not null);
        Assert.All(orders, order =>
        {
            Assert.True(order!["delivery"] is null || order["delivery"]!["days"]!.GetValue<int>() > 0);
            Assert.All(order["lines"]!.AsArray(), line => Assert.NotNull(line!["product"]!["delivery"]));
        });
    }

    [Fact]
    public async Task A_country_the_service_does_not_serve_is_an_error_at_the_field_only()
    {
        var client = _gateway.CreateClient();

        var result = await client.PostGraphQLAsync("""{ products(first: 2) { nodes { name delivery(country: "ZZ") { days } } } }""");

        var nodes = result["data"]!["products"]!["nodes"]!.AsArray();
        Assert.All(nodes, n => { Assert.NotNull(n!["name"]); Assert.Null(n["delivery"]); });
        var errors = result["errors"]!.AsArray();
        Assert.Equal(2, errors.Count);
        Assert.All(errors, e => Assert.Equal("UNSUPPORTED_COUNTRY", e!["extensions"]!["code"]!.GetValue<string>()));
        Assert.Contains("""["products","nodes",1,"delivery"]""", errors.Select(e => e!["path"]!.ToJsonString()));
    }

    [Fact]
    public async Task Delivery_adds_no_sql_statement_to_the_screen()
    {
        var client = _gateway.CreateClient();
        const string without = "{ products(first: 10, order: [{ id: ASC }]) { nodes { id name } } }";
        const string with = """{ products(first: 10, order: [{ id: ASC }]) { nodes { id name delivery(country: "DE") { days } } } }""";

        var plain = await client.PostAsync("/graphql", Json(without));
        var stitched = await client.PostAsync("/graphql", Json(with));

        Assert.NotNull(Statements(plain));
        Assert.Equal(Statements(plain), Statements(stitched));
    }

    private static StringContent Json(string query) =>
        new(new JsonObject { ["query"] = query }.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static string? Statements(HttpResponseMessage response) =>
        response.Headers.TryGetValues("X-Sql-Statements", out var values) ? values.Single() : null;
}
