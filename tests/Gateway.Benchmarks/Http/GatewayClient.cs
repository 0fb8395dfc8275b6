using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Benchmarks.Http;

/// <summary>
/// A client of the gateway as one browser tab: REST GETs and GraphQL POSTs through a <see cref="BrowserLikeHandler"/>,
/// each exchange tallied (bytes, SQL statements) into the tally of the screen load in progress.
/// </summary>
internal sealed class GatewayClient : IDisposable
{
    public const string SqlStatementsHeader = "X-Sql-Statements";
    private readonly HttpClient _http;
    private readonly string _host;

    public GatewayClient(Uri baseAddress, HttpMessageHandler connectionPool, TimeSpan roundTripTime, string? bearerToken = null)
    {
        _http = new HttpClient(new BrowserLikeHandler(roundTripTime, connectionPool), disposeHandler: true)
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        _host = baseAddress.Authority;
        if (bearerToken is not null)
        {
            _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", bearerToken);
        }
    }

    /// <summary>A shared connection pool for the clients of one run (no limit of its own: each client limits itself).</summary>
    public static SocketsHttpHandler CreateConnectionPool() => new()
    {
        MaxConnectionsPerServer = int.MaxValue,
        PooledConnectionLifetime = TimeSpan.FromMinutes(10),
        UseCookies = false,
        AutomaticDecompression = System.Net.DecompressionMethods.None,
    };

    /// <summary>GETs a REST resource; anything but 200 fails the run.</summary>
    public async Task<JsonNode> GetAsync(string path, ExchangeTally tally)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return await SendAsync(request, 0, tally);
    }

    /// <summary>
    /// GETs a resource of the shipping service the gateway embeds: it answers from its own store, so the call adds no
    /// statement to the gateway store's count (the GraphQL side's one remote call is not counted there either).
    /// </summary>
    public async Task<JsonNode> GetShippingAsync(string path, ExchangeTally tally)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.ParseAdd("application/json");
        return await SendAsync(request, 0, tally, storeStatementsIfUnreported: 0);
    }

    /// <summary>GETs <paramref name="path"/> and reads its body unparsed: an exchange with no work behind it. Anything but 200 fails the run.</summary>
    public async Task ExchangeAsync(string path)
    {
        using var response = await _http.GetAsync(path);
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"GET {path}: HTTP {(int)response.StatusCode}");
        }
    }

    /// <summary>POSTs a GraphQL request; a response with errors fails the run. Returns <c>data</c>.</summary>
    public async Task<JsonNode> PostGraphQLAsync(string query, JsonObject? variables, ExchangeTally tally)
    {
        var body = Encoding.UTF8.GetBytes(new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone() }.ToJsonString());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json", "utf-8");
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        var result = await SendAsync(request, body.Length, tally);
        if (result["errors"] is JsonArray { Count: > 0 } errors)
        {
            throw new InvalidOperationException("GraphQL errors: " + string.Join("; ", errors.Select(Describe)));
        }
        return result["data"] ?? throw new InvalidOperationException("GraphQL response without data: " + result.ToJsonString());
    }

    /// <summary>An error's message, path and (in Development) exception message, without the stack trace.</summary>
    private static string Describe(JsonNode? error) =>
        $"{error?["message"]} at {error?["path"]?.ToJsonString() ?? "(no path)"}" +
        (error?["extensions"]?["exception"]?["message"] is { } inner ? $" ({inner})" : string.Empty);

    private async Task<JsonNode> SendAsync(HttpRequestMessage request, long requestBodyLength, ExchangeTally tally, int? storeStatementsIfUnreported = null)
    {
        using var response = await _http.SendAsync(request);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException(
                $"{request.Method} {request.RequestUri}: HTTP {(int)response.StatusCode} {Encoding.UTF8.GetString(body)}");
        }
        int? statements = response.Headers.TryGetValues(SqlStatementsHeader, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var count) ? count : storeStatementsIfUnreported;
        tally.Record(WireSize.Request(request, _host, requestBodyLength), WireSize.Response(response, body.Length), statements);
        return JsonNode.Parse(body) ?? throw new InvalidOperationException($"{request.RequestUri}: empty JSON body");
    }

    public void Dispose() => _http.Dispose();
}
