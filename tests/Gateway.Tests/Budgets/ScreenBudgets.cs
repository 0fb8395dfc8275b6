using Gateway.Tests.Correctness;

namespace Gateway.Tests.Budgets;

/// <summary>
/// Runs each screen through POST /graphql on a <see cref="CountingGatewayFactory"/> and returns the SQL statements
/// it sent. Shared by the scale-1 and scale-20 budget tests so that both measure the very same operations.
/// </summary>
internal static class ScreenBudgets
{
    public const int ProductPage = 3;
    public const int CatalogPage = 3;
    public const int HomePage = 3;
    public const int Nodes = 3;
    public const int OrderHistory = 3;

    /// <summary>The product with the most reviews, so that every nested list of the page is full.</summary>
    public static int BusiestProduct(StoreOracle store) => store.ReviewsByProduct.OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;

    public static async Task<IReadOnlyList<string>> ProductPageAsync(CountingGatewayFactory gateway, HttpClient client, int productId, int pageSize)
    {
        var (_, sql) = await gateway.QueryWithSqlAsync(client, ScreenDocuments.ProductPage(reviews: pageSize, related: Math.Min(pageSize, 20)),
            new { id = StoreOracle.Id("Product", productId) });
        return sql;
    }

    public static async Task<IReadOnlyList<string>> CatalogPageAsync(CountingGatewayFactory gateway, HttpClient client, int pageSize, string? after = null)
    {
        var (data, sql) = await gateway.QueryWithSqlAsync(client, ScreenDocuments.CatalogPage, new { slug = "headphones", maxPrice = 400m, first = pageSize, after });
        // Scale 1 has about 30 products per leaf category, so a page of 50 is as full as the category allows.
        var total = (int)data["products"]!["totalCount"]!;
        Assert.True(total > 5, $"headphones under 400 has only {total} products");
        Assert.Equal(Math.Min(pageSize, total), data["products"]!["edges"]!.AsArray().Count);
        return sql;
    }

    public static async Task<IReadOnlyList<string>> HomePageAsync(CountingGatewayFactory gateway, HttpClient client, int pageSize)
    {
        var (data, sql) = await gateway.QueryWithSqlAsync(client, ScreenDocuments.HomePage(pageSize));
        Assert.Equal(pageSize, data["newArrivals"]!["nodes"]!.AsArray().Count);
        return sql;
    }

    /// <summary>50 ids: products, reviews and customers interleaved.</summary>
    public static async Task<IReadOnlyList<string>> NodesAsync(CountingGatewayFactory gateway, HttpClient client)
    {
        var ids = Enumerable.Range(0, 50).Select(i => StoreOracle.Id((i % 3) switch { 0 => "Product", 1 => "Review", _ => "Customer" }, 1 + i * 7)).ToList();
        var (data, sql) = await gateway.QueryWithSqlAsync(client, """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { name price } ... on Review { rating title } ... on Customer { name } } }
            """, new { ids });
        Assert.All(data["nodes"]!.AsArray(), node => Assert.NotNull(node));
        return sql;
    }

    /// <summary>OrderHistory signed in as the customer (with the most orders).</summary>
    public static async Task<IReadOnlyList<string>> OrderHistoryAsync(CountingGatewayFactory gateway, HttpClient client, int customerId, int pageSize)
    {
        var (data, sql) = await gateway.QueryWithSqlAsync(client, ScreenDocuments.OrderHistory, new { first = pageSize }, gateway.TokenFor(customerId));
        Assert.Equal(customerId, StoreOracle.KeyOf((string)data["viewer"]!["id"]!, "Customer"));
        return sql;
    }

    public static string Describe(IReadOnlyList<string> sql) =>
        $"{sql.Count} statements:\n" + string.Join("\n---\n", sql);

    /// <summary>The customer with the most orders.</summary>
    public static int BusiestCustomer(StoreOracle store) => store.OrdersByCustomer.OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().Key;
}
