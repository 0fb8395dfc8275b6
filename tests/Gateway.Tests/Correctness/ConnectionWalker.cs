using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>Walks a root connection page by page, forwards (first/after) or backwards (last/before), through POST /graphql.</summary>
internal static class ConnectionWalker
{
    private const int MaxPages = 400;

    /// <summary>
    /// Every item of <paramref name="field"/> (selected by <paramref name="nodeSelection"/>), in order, with the
    /// totalCount each page reported. <paramref name="variableTypes"/> declares <c>$where</c> and <c>$order</c>.
    /// </summary>
    public static async Task<(List<JsonNode> Items, List<int> TotalCounts)> WalkAsync(
        HttpClient client, string field, string variableTypes, string nodeSelection, object? where, object? order,
        int pageSize, bool backwards = false, string? bearerToken = null)
    {
        var (size, cursor, next) = backwards ? ("last", "before", "hasPreviousPage") : ("first", "after", "hasNextPage");
        var query = $$"""
            query Walk({{variableTypes}}, $size: Int, $cursor: String) {
              page: {{field}}(where: $where, order: $order, {{size}}: $size, {{cursor}}: $cursor) {
                totalCount
                pageInfo { {{next}} startCursor endCursor }
                edges { cursor node { {{nodeSelection}} } }
              }
            }
            """;
        var items = new List<JsonNode>();
        var totals = new List<int>();
        string? position = null;
        for (var page = 0; page < MaxPages; page++)
        {
            var data = await client.QueryAsync(query, new { where, order, size = pageSize, cursor = position }, bearerToken);
            var connection = data["page"]!;
            totals.Add((int)connection["totalCount"]!);
            var edges = connection["edges"]!.AsArray().Select(e => e!).ToList();
            Assert.True(edges.Count <= pageSize, $"a page of {pageSize} held {edges.Count} edges");
            var nodes = edges.Select(e => e["node"]!.DeepClone()).ToList();
            if (backwards)
            {
                items.InsertRange(0, nodes);
            }
            else
            {
                items.AddRange(nodes);
            }
            var pageInfo = connection["pageInfo"]!;
            if (edges.Count > 0)
            {
                // The page's boundary cursors are its first and last edges' cursors.
                Assert.Equal((string?)edges[0]["cursor"], (string?)pageInfo["startCursor"]);
                Assert.Equal((string?)edges[^1]["cursor"], (string?)pageInfo["endCursor"]);
            }
            if (!(bool)pageInfo[next]!)
            {
                return (items, totals);
            }
            Assert.True(edges.Count == pageSize, $"a page with more after it held {edges.Count} of {pageSize}");
            position = (string?)pageInfo[backwards ? "startCursor" : "endCursor"];
        }
        throw new InvalidOperationException($"{field} did not end within {MaxPages} pages");
    }
}
