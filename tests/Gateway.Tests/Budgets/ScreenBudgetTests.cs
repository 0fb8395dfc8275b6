using Gateway.Tests.Infrastructure;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Correctness;

namespace Gateway.Tests.Budgets;

/// <summary>
/// SQL statement budgets of the contract's screens at scale 1: each screen stays within its budget, and the count
/// does not depend on the page size (5 or 50), so there is no per-row query anywhere.
/// </summary>
public class ScreenBudgetTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    [StoreFact]
    public async Task ProductPage_runs_at_most_3_statements_whatever_the_page_size()
    {
        var small = await ScreenBudgets.ProductPageAsync(gateway, _client, ScreenBudgets.BusiestProduct(Store), 5);
        var large = await ScreenBudgets.ProductPageAsync(gateway, _client, ScreenBudgets.BusiestProduct(Store), 50);

        Assert.True(small.Count <= ScreenBudgets.ProductPage, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }

    [StoreFact]
    public async Task CatalogPage_runs_at_most_3_statements_whatever_the_page_size()
    {
        var small = await ScreenBudgets.CatalogPageAsync(gateway, _client, 5);
        var large = await ScreenBudgets.CatalogPageAsync(gateway, _client, 50);

        Assert.True(small.Count <= ScreenBudgets.CatalogPage, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }

    [StoreFact]
    public async Task HomePage_runs_at_most_3_statements_whatever_the_page_size()
    {
        var small = await ScreenBudgets.HomePageAsync(gateway, _client, 5);
        var large = await ScreenBudgets.HomePageAsync(gateway, _client, 50);

        Assert.True(small.Count <= ScreenBudgets.HomePage, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }

    [StoreFact]
    public async Task Nodes_of_three_types_run_at_most_3_statements()
    {
        var sql = await ScreenBudgets.NodesAsync(gateway, _client);

        Assert.True(sql.Count <= ScreenBudgets.Nodes, ScreenBudgets.Describe(sql));
    }

    [StoreFact]
    public async Task OrderHistory_runs_at_most_3_statements_whatever_the_page_size()
    {
        var customer = ScreenBudgets.BusiestCustomer(Store);
        var small = await ScreenBudgets.OrderHistoryAsync(gateway, _client, customer, 5);
        var large = await ScreenBudgets.OrderHistoryAsync(gateway, _client, customer, 50);

        Assert.True(small.Count <= ScreenBudgets.OrderHistory, ScreenBudgets.Describe(small));
        Assert.Equal(small.Count, large.Count);
    }

    [StoreFact]
    public async Task A_later_page_costs_no_more_than_the_first()
    {
        var first = await gateway.QueryWithSqlAsync(_client, ScreenDocuments.CatalogPage, new { slug = "headphones", maxPrice = 400m, first = 5 });
        var after = (string?)first.Result["products"]!["pageInfo"]!["endCursor"];

        var next = await ScreenBudgets.CatalogPageAsync(gateway, _client, 5, after);

        Assert.Equal(first.Sql.Count, next.Count);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ScreenBudgetTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : ScreenBudgetTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
