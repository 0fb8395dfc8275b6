using Gateway.Auth;
using Gateway.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Safety;

/// <summary>
/// The storefront trusts its admins (GraphQL:Cost:TrustedRole = admin) with a larger budget: a back-office export
/// walks whole tables in pages of 100 with their nested lists, which no storefront screen does.
/// </summary>
public sealed class TrustedCostBudgetTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    // 100 products with their stock per warehouse: a field cost of 1,312, over the default budget of 1,000.
    private const string ExportPage =
        "{ products(first: 100, order: [{ id: ASC }]) { nodes { id price category { id } availability { warehouses { quantity warehouse { id name } } } } } }";

    private string TokenFor(int customerId, bool admin) =>
        gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", isAdmin: admin);

    [Fact]
    public async Task An_export_page_is_over_a_customers_budget_and_within_an_admins()
    {
        var client = gateway.CreateClient();

        var customer = await client.PostGraphQLAsync(ExportPage, bearerToken: TokenFor(1, admin: false));
        Assert.Equal("MAX_FIELD_COST_EXCEEDED", (string?)customer["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(1000, (double)customer["errors"]![0]!["extensions"]!["limit"]!);

        var admin = await client.QueryAsync(ExportPage, bearerToken: TokenFor(1, admin: true));
        Assert.Equal(100, admin["products"]!["nodes"]!.AsArray().Count);
    }
}
