using Gateway.Store.Seeding;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Budgets;
using Gateway.Tests.Infrastructure;
using Gateway.Wishlists;

namespace Gateway.Tests.Wishlists;

/// <summary>
/// A wishlist screen (the signed-in customer with their wishlist's products, ratings and stock) and the back office's
/// list of every item cost the same number of SQL statements whatever the page size: no statement per item.
/// </summary>
public class WishlistBudgetTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private const int Budget = 3;
    private readonly HttpClient _client = gateway.CreateClient();

    private const string WishlistScreen = """
        query($first: Int!) {
          viewer {
            name
            wishlist(first: $first, order: [{ addedAt: DESC }]) {
              totalCount
              pageInfo { hasNextPage endCursor }
              nodes { id addedAt product { id name price rating { average count } availability { inStock } category { name } } }
            }
          }
        }
        """;

    private const string AllItems = """
        query($first: Int!) { wishlistItems(first: $first) { totalCount nodes { addedAt customer { name } product { name price } } } }
        """;

    /// <summary>The customer with the most seeded items (the most the seed gives anyone).</summary>
    private static int FullestWishlist() => SeedDataGenerator.Generate(1).WishlistItems
        .GroupBy(w => w.CustomerId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    [StoreFact]
    public async Task The_wishlist_screen_runs_at_most_3_statements_whatever_the_page_size()
    {
        var customer = FullestWishlist();
        var (one, small) = await gateway.QueryWithSqlAsync(_client, WishlistScreen, new { first = 1 }, gateway.TokenFor(customer));
        var (all, large) = await gateway.QueryWithSqlAsync(_client, WishlistScreen, new { first = 50 }, gateway.TokenFor(customer));

        Assert.Single(one["viewer"]!["wishlist"]!["nodes"]!.AsArray());
        Assert.Equal(WishlistSeed.MaxItemsPerCustomer, all["viewer"]!["wishlist"]!["nodes"]!.AsArray().Count);
        Assert.True(small.Count <= Budget, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }

    [StoreFact]
    public async Task Every_item_for_an_admin_costs_the_same_at_5_and_50_per_page()
    {
        var admin = gateway.TokenFor(1, admin: true);
        var (_, small) = await gateway.QueryWithSqlAsync(_client, AllItems, new { first = 5 }, admin);
        var (page, large) = await gateway.QueryWithSqlAsync(_client, AllItems, new { first = 50 }, admin);

        Assert.Equal(50, page["wishlistItems"]!["nodes"]!.AsArray().Count);
        Assert.True(small.Count <= Budget, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class WishlistBudgetTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : WishlistBudgetTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
