using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using Gateway.Benchmarks.Hosting;

namespace Gateway.Benchmarks.Screens;

/// <summary>
/// A storefront screen fetched two ways: the classic REST flow (dependent waves of GETs, calls within a wave in
/// parallel) and the contract's GraphQL operation in one POST. Both map to the same normalized view.
/// </summary>
internal abstract class Screen
{
    private readonly Lazy<string> _document;

    protected Screen() => _document = new(() => RepositoryPaths.Screen(Name));

    public abstract string Name { get; }

    /// <summary>The screen's operation, read from schema/operations/.</summary>
    public string Document => _document.Value;

    public abstract JsonObject? Variables { get; }

    public abstract Task<JsonNode> FetchRestAsync(GatewayClient client, ExchangeTally tally);

    public async Task<JsonNode> FetchGraphQLAsync(GatewayClient client, ExchangeTally tally)
    {
        tally.Wave();
        return MapGraphQL(await client.PostGraphQLAsync(Document, Variables, tally));
    }

    /// <summary>Maps the GraphQL <c>data</c> into the normalized view.</summary>
    protected abstract JsonNode MapGraphQL(JsonNode data);

    /// <summary>One wave: the calls were started together; this waits for all of them.</summary>
    protected static async Task<JsonNode[]> WaveAsync(ExchangeTally tally, IEnumerable<Task<JsonNode>> calls)
    {
        tally.Wave();
        return await Task.WhenAll(calls);
    }

    protected static async Task<JsonNode> WaveAsync(ExchangeTally tally, Task<JsonNode> call)
    {
        tally.Wave();
        return await call;
    }

    /// <summary>Whether a REST page has items after it, as GraphQL's <c>pageInfo.hasNextPage</c>.</summary>
    protected static bool HasNextPage(JsonNode page) =>
        page["offset"]!.GetValue<int>() + page["items"]!.AsArray().Count < page["totalCount"]!.GetValue<int>();
}
