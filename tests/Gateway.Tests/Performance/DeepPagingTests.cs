using System.Diagnostics;
using System.Net.Http.Json;
using Gateway.Tests.Budgets;
using Gateway.Tests.Correctness;
using Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Tests.Performance;

/// <summary>
/// Keyset paging at depth, at scale 20 (20,000 products): page 500 of <c>products(first: 10)</c> (rows 4,991 to
/// 5,000) costs about what the first page costs, because its SQL seeks past the cursor's sort values
/// (WHERE …) instead of skipping rows (OFFSET). Timed as the medians of 30 alternating requests of each page
/// through the in-process HTTP client, after a warm-up; the bound asserted is generous so that it cannot flake.
/// </summary>
[Collection(Scale20Collection.Name)]
public sealed class DeepPagingTests(Scale20GatewayFactory gateway, ITestOutputHelper output)
{
    private const int PageSize = 10;
    private const int DeepPage = 500;
    private const int Samples = 30;
    private static readonly StoreOracle Store = StoreOracle.At(20);
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string, string> Orders => new()
    {
        { "price ASC", """[{ "price": "ASC" }]""" },
        { "createdAt ASC", """[{ "createdAt": "ASC" }]""" },
        { "default (id)", "null" },
    };

    [Theory]
    [MemberData(nameof(Orders))]
    public async Task Page_500_costs_about_what_the_first_page_costs(string name, string orderJson)
    {
        var order = System.Text.Json.Nodes.JsonNode.Parse(orderJson);
        // The cursor of row 4,990 (index 4,989), after which page 500 starts.
        var cursor = await CursorOfRowAsync(order, (DeepPage - 1) * PageSize - 1);
        const string query = """
            query Page($after: String, $order: [ProductSortInput!]) {
              products(first: 10, after: $after, order: $order) { pageInfo { hasNextPage endCursor } edges { cursor node { id sku name price } } }
            }
            """;

        // The deep page holds exactly rows 4,991..5,000 of the oracle's order, and its SQL seeks.
        var ordered = name switch
        {
            "price ASC" => Store.Products.OrderBy(p => p.Price).ThenBy(p => p.Id),
            "createdAt ASC" => Store.Products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            _ => Store.Products.OrderBy(p => p.Id),
        };
        var expected = ordered
            .Skip((DeepPage - 1) * PageSize).Take(PageSize).Select(p => p.Sku).ToList();
        var (deep, sql) = await gateway.QueryWithSqlAsync(_client, query, new { after = cursor, order });
        Assert.Equal(expected, deep["products"]!["edges"]!.AsArray().Select(e => (string)e!["node"]!["sku"]!));
        var statement = Assert.Single(sql);
        Assert.DoesNotContain("OFFSET", statement, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("WHERE", statement, StringComparison.Ordinal);

        for (var i = 0; i < 3; i++)
        {
            await TimeAsync(query, null, order);
            await TimeAsync(query, cursor, order);
        }
        var first = new List<double>();
        var deepTimes = new List<double>();
        for (var i = 0; i < Samples; i++)
        {
            first.Add(await TimeAsync(query, null, order));
            deepTimes.Add(await TimeAsync(query, cursor, order));
        }

        var (firstMedian, deepMedian) = (Median(first), Median(deepTimes));
        // Each deep request is compared with the first-page request just before it, so a burst of load from
        // elsewhere on the machine inflates both sides of a pair rather than only one median.
        var pairedRatio = Median([.. deepTimes.Zip(first, (d, f) => d / f)]);
        output.WriteLine($"order {name}: first page median {firstMedian:F2} ms, page {DeepPage} median {deepMedian:F2} ms, " +
                         $"ratio of medians {deepMedian / firstMedian:F2}, median of paired ratios {pairedRatio:F2} ({Samples} alternating samples each)");
        output.WriteLine("deep page SQL:\n" + statement);
        // The figures are the report (docs/performance.md); the bound only catches a plan that walks every row
        // before the page (OFFSET-like growth), with room for the shared, noisy CI machine.
        Assert.True(pairedRatio < 8, $"page {DeepPage}: {deepMedian:F2} ms against {firstMedian:F2} ms (paired ratio {pairedRatio:F2})");
    }

    /// <summary>The cursor of the row at <paramref name="index"/> (0-based), walking in pages of 100: a keyset cursor does not depend on the page size.</summary>
    private async Task<string> CursorOfRowAsync(object? order, int index)
    {
        string? after = null;
        var seen = 0;
        for (var page = 0; page < 60; page++)
        {
            var size = Math.Min(100, index + 1 - seen);
            var data = await _client.QueryAsync("""
                query($after: String, $order: [ProductSortInput!], $size: Int) { products(first: $size, after: $after, order: $order) { edges { cursor } } }
                """, new { after, order, size });
            var edges = data["products"]!["edges"]!.AsArray();
            seen += edges.Count;
            after = (string)edges[^1]!["cursor"]!;
            if (seen == index + 1)
            {
                return after;
            }
        }
        throw new InvalidOperationException($"row {index} not reached");
    }

    private async Task<double> TimeAsync(string query, string? after, object? order)
    {
        var started = Stopwatch.GetTimestamp();
        using var response = await _client.PostAsJsonAsync("/graphql", new { query, variables = new { after, order } });
        var body = await response.Content.ReadAsStringAsync();
        var elapsed = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
        Assert.True(response.IsSuccessStatusCode && !body.Contains("\"errors\"", StringComparison.Ordinal), body);
        return elapsed;
    }

    private static double Median(List<double> values)
    {
        var sorted = values.Order().ToList();
        return (sorted[(sorted.Count - 1) / 2] + sorted[sorted.Count / 2]) / 2;
    }
}
