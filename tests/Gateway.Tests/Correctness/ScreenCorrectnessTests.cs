using Gateway.Testing.PostgreSql;
using Gateway.Tests.Budgets;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>The contract's screens, run exactly as written at scale 1, equal to what LINQ over the seed rows says.</summary>
public class ScreenCorrectnessTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    [StoreTheory]
    [InlineData(1)]    // many reviews
    [InlineData(7)]    // never reviewed (every tenth product from 7)
    [InlineData(250)]
    [InlineData(999)]
    public async Task ProductPage_equals_the_oracle(int productId)
    {
        var data = await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = StoreOracle.Id("Product", productId) });

        JsonExpect.Equal(ScreenExpectations.ProductPage(Store, productId), data);
    }

    [StoreFact]
    public async Task ProductPage_equals_the_oracle_for_product_after_product()
    {
        // One document text for all: from the second request on, the page's reads run as prepared (PreparedRead).
        foreach (var productId in new[] { 3, 17, 3, 40, 1, 999, 2, 7, 500, 3 })
        {
            var data = await _client.QueryAsync(GraphQLHttp.Screen("ProductPage"), new { id = StoreOracle.Id("Product", productId) });

            JsonExpect.Equal(ScreenExpectations.ProductPage(Store, productId), data);
        }
    }

    [StoreFact]
    public async Task ProductPage_with_a_large_page_of_reviews_equals_the_oracle()
    {
        var data = await _client.QueryAsync(ScreenDocuments.ProductPage(reviews: 50, related: 20), new { id = StoreOracle.Id("Product", 2) });

        JsonExpect.Equal(ScreenExpectations.ProductPage(Store, 2, reviews: 50, related: 20), data);
    }

    [StoreTheory]
    [InlineData("headphones", 250.00)]
    [InlineData("fiction", 99.99)]
    [InlineData("board-games", 1000)]
    [InlineData("desk-organisers", 9.99)]
    [InlineData("books", 500)] // a root: its products are on its leaves, so the list is empty but productCount is not
    [InlineData("yoga", 0.5)]
    public async Task CatalogPage_equals_the_oracle(string slug, double maxPrice)
    {
        var data = await _client.QueryAsync(ScreenDocuments.CatalogPage, new { slug, maxPrice = (decimal)maxPrice });

        JsonExpect.Equal(ScreenExpectations.CatalogPage(Store, slug, (decimal)maxPrice), data);
    }

    [StoreFact]
    public async Task HomePage_equals_the_oracle()
    {
        var data = await _client.QueryAsync(GraphQLHttp.Screen("HomePage"));

        JsonExpect.Equal(ScreenExpectations.HomePage(Store), data);
    }

    [StoreTheory]
    [InlineData(1)]
    [InlineData(42)]
    [InlineData(500)]
    public async Task OrderHistory_equals_the_oracle_for_the_signed_in_customer(int customerId)
    {
        var data = await _client.QueryAsync(ScreenDocuments.OrderHistory, bearerToken: gateway.TokenFor(customerId));

        JsonExpect.Equal(ScreenExpectations.OrderHistory(Store, customerId), data);
    }

    [StoreTheory]
    [InlineData(7)]
    [InlineData(321)]
    public async Task OrderHistory_equals_the_oracle_for_an_admin_signed_in_as_the_customer(int customerId)
    {
        var data = await _client.QueryAsync(ScreenDocuments.OrderHistory, bearerToken: gateway.TokenFor(customerId, admin: true));

        JsonExpect.Equal(ScreenExpectations.OrderHistory(Store, customerId), data);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ScreenCorrectnessTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : ScreenCorrectnessTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
