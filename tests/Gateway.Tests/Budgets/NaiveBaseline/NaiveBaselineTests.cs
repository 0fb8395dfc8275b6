using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Store;
using Gateway.Tests.Correctness;
using GraphQL;
using GraphQL.SystemTextJson;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Gateway.Tests.Budgets.NaiveBaseline;

/// <summary>
/// Measures "before" (the naive resolver-per-field schema) against "after" (the gateway) on the same store, per
/// screen and page size, and prints the table docs/performance.md quotes:
/// <c>dotnet test tests/Gateway.Tests --filter NaiveBaseline --logger "console;verbosity=detailed"</c>.
/// Both must return the same data, so the comparison is between two answers to the same question.
/// </summary>
public sealed class NaiveBaselineTests(CountingGatewayFactory gateway, ITestOutputHelper output) : IClassFixture<CountingGatewayFactory>
{
    private static readonly Lazy<NaiveSchema> Schema = new(() =>
    {
        var schema = new NaiveSchema();
        schema.Initialize();
        return schema;
    });

    private static readonly StoreOracle Store = StoreOracle.At(1);
    private static readonly GraphQLSerializer Serializer = new();
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task NaiveBaseline_statements_per_screen_before_and_after()
    {
        var product = ScreenBudgets.BusiestProduct(Store);
        var customer = ScreenBudgets.BusiestCustomer(Store);
        var rows = new List<string>();
        foreach (var size in new[] { 5, 50 })
        {
            // Without delivery: the naive schema reads only the store, and what it measures is store SQL. Delivery
            // adds no statement to the gateway's screens (ScreenBudgetTests run them with it) and one remote call
            // per request whatever the page (DeliveryBatchingTests), so the store's part is the whole comparison.
            rows.Add(await CompareAsync("ProductPage", size, ScreenDocuments.WithoutDelivery(ScreenDocuments.ProductPage(reviews: size, related: Math.Min(size, 20))),
                new { id = StoreOracle.Id("Product", product) }));
            rows.Add(await CompareAsync("CatalogPage", size, ScreenDocuments.WithoutDelivery(ScreenDocuments.CatalogPage),
                new { slug = "headphones", maxPrice = 400m, first = size }));
            rows.Add(await CompareAsync("HomePage", size, ScreenDocuments.HomePage(size), null));
            rows.Add(await CompareAsync("OrderHistory", size, ScreenDocuments.OrderHistory, new { first = size }, customer));
        }

        output.WriteLine("| screen | page size | statements, naive resolvers | statements, gateway |");
        output.WriteLine("|---|---:|---:|---:|");
        foreach (var row in rows.Order(StringComparer.Ordinal))
        {
            output.WriteLine(row);
        }
    }

    [Fact]
    public async Task NaiveBaseline_nodes_of_three_types()
    {
        var ids = Enumerable.Range(0, 50).Select(i => StoreOracle.Id((i % 3) switch { 0 => "Product", 1 => "Review", _ => "Customer" }, 1 + i * 7)).ToList();
        var row = await CompareAsync("nodes (50 ids, 3 types)", 50, """
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { name price } ... on Review { rating title } ... on Customer { name } } }
            """, new { ids });

        output.WriteLine(row);
    }

    private async Task<string> CompareAsync(string screen, int pageSize, string document, object? variables, int? viewerId = null)
    {
        var token = viewerId is { } id ? gateway.TokenFor(id) : null;
        var (after, afterSql) = await gateway.QueryWithSqlAsync(_client, document, variables, token);
        var (before, beforeSql) = await gateway.Sql.RecordAsync(() => ExecuteNaiveAsync(document, variables, viewerId));

        // The naive schema must give the same answer, or the comparison would be meaningless.
        JsonExpect.Equal(after, before);
        Assert.True(afterSql.Count < beforeSql.Count, $"{screen}: gateway {afterSql.Count}, naive {beforeSql.Count}");
        return $"| {screen} | {pageSize} | {beforeSql.Count} | {afterSql.Count} |";
    }

    private async Task<JsonObject> ExecuteNaiveAsync(string document, object? variables, int? viewerId)
    {
        var result = await new DocumentExecuter().ExecuteAsync(options =>
        {
            options.Schema = Schema.Value;
            options.Query = document;
            options.Variables = variables is null ? null : Serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables));
            options.UserContext = new NaiveStore(gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>(), viewerId);
            options.RequestServices = gateway.Services;
        });
        var json = JsonNode.Parse(Serializer.Serialize(result))!.AsObject();
        Assert.False(json.ContainsKey("errors"), json.ToJsonString());
        return json["data"]!.AsObject();
    }
}
