using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Store;
using Gateway.Testing;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Subscriptions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Gateway.Tests.Replicas;

/// <summary>
/// Two real gateway processes (<see cref="GatewayProcess"/>: <c>dotnet Gateway.dll</c>, Kestrel on its own loopback
/// port) sharing one store and one Redis, and nothing in memory: an event raised by a mutation on one reaches a
/// subscriber of the other over WebSocket and over an event stream, and a document registered through APQ on one runs
/// by hash alone on the other.
/// </summary>
public sealed class RedisReplicaTests(TwoRedisReplicas replicas) : IClassFixture<TwoRedisReplicas>
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [RedisFact]
    public async Task A_review_added_through_one_process_reaches_a_websocket_subscriber_of_the_other()
    {
        const int productId = 11;
        var subscriber = StorefrontWsClient.SubscribeAsync(replicas.Second.WebSocketUrl,
            Path.Combine(ContractPaths.Screens, "OnReviewAdded.graphql"), new { productId = GlobalId.Encode("Product", productId) }, expected: 2);
        await replicas.WaitUntilSubscribedAsync(productId);

        var added = await replicas.AddReviewAsync(replicas.First, productId, customerId: 21, "Seen across processes");
        // The sentinel, through the first process as well: a second push of the first review would come before it.
        var sentinel = await replicas.AddReviewAsync(replicas.First, productId, customerId: 23, "The sentinel");

        var results = (await subscriber.WaitAsync(Bound))["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        var pushed = results[0]!["data"]!["onReviewAdded"]!;
        Assert.Equal((string?)added["id"], (string?)pushed["id"]);
        Assert.Equal("Seen across processes", (string?)pushed["title"]);
        Assert.Equal((string?)sentinel["id"], (string?)results[1]!["data"]!["onReviewAdded"]!["id"]);
    }

    [RedisFact]
    public async Task A_review_added_through_one_process_reaches_an_event_stream_of_the_other()
    {
        const int productId = 12;
        using var streamClient = new HttpClient { BaseAddress = replicas.Second.BaseAddress, Timeout = Bound };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = GraphQLHttp.Screen("OnReviewAdded"), variables = new { productId = GlobalId.Encode("Product", productId) } }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await streamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await replicas.WaitUntilSubscribedAsync(productId);

        var added = await replicas.AddReviewAsync(replicas.First, productId, customerId: 22, "Streamed across processes");

        using var timeout = new CancellationTokenSource(Bound);
        string? data = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }
        Assert.NotNull(data);
        var pushed = JsonNode.Parse(data)!["data"]!["onReviewAdded"]!;
        Assert.Equal((string?)added["id"], (string?)pushed["id"]);
        Assert.Equal("Streamed across processes", (string?)pushed["title"]);
    }

    [RedisFact]
    public async Task A_query_registered_through_apq_on_one_process_runs_by_hash_alone_on_the_other()
    {
        const string query = "query RegisteredOnce { categories(where: { depth: { eq: 0 } }) { id name } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query)));
        var persistedQuery = new { version = 1, sha256Hash = hash };
        using var first = new HttpClient { BaseAddress = replicas.First.BaseAddress, Timeout = Bound };
        using var second = new HttpClient { BaseAddress = replicas.Second.BaseAddress, Timeout = Bound };

        var miss = await PostAsync(second, new { extensions = new { persistedQuery } });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (string?)miss["errors"]![0]!["extensions"]!["code"]);

        var registered = await PostAsync(first, new { query, extensions = new { persistedQuery } });
        Assert.Null(registered["errors"]);

        var hit = await PostAsync(second, new { extensions = new { persistedQuery } });
        Assert.Null(hit["errors"]);
        Assert.NotEmpty(hit["data"]!["categories"]!.AsArray());
        Assert.Equal(registered["data"]!.ToJsonString(), hit["data"]!.ToJsonString());
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}

/// <summary>
/// A throwaway redis-server and two gateway processes on it over one SQLite store, started one after the other (the
/// first migrates and seeds the store the second then shares), with a signing key of the test's for customers' tokens.
/// </summary>
public sealed class TwoRedisReplicas : IAsyncLifetime
{
    private const string SigningKey = "redis-replica-tests-signing-key-0123456789";
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
    private readonly TokenIssuer _tokens = new(Options.Create(new AuthOptions { SigningKey = SigningKey }), TimeProvider.System);
    private GatewayProcess? _first;
    private GatewayProcess? _second;
    private ConnectionMultiplexer? _watcher;

    public RedisServer Redis { get; } = new();

    public GatewayProcess First => _first!;

    public GatewayProcess Second => _second!;

    public async Task InitializeAsync()
    {
        if (RedisServer.Binary is null && !RequiredServices.Required)
        {
            return; // every test of the class is skipped (RedisFact), yet xunit builds its class fixture
        }
        await Redis.InitializeAsync();
        _watcher = await ConnectionMultiplexer.ConnectAsync(Redis.ConnectionString);
        Directory.CreateDirectory(_directory);
        var store = $"Data Source={Path.Combine(_directory, "store.db")}";
        KeyValuePair<string, string>[] settings = [new("ConnectionStrings:Redis", Redis.ConnectionString), new("Auth:SigningKey", SigningKey)];
        _first = await GatewayProcess.StartAsync(StoreProvider.Sqlite, store, settings: settings);
        _second = await GatewayProcess.StartAsync(StoreProvider.Sqlite, store, settings: settings);
    }

    /// <summary>
    /// Waits (bounded) until a process is subscribed in Redis to the product's review topic: the subscription protocols
    /// acknowledge nothing, and only the second process has subscribers, so Redis' subscriber count says when it is.
    /// </summary>
    public async Task WaitUntilSubscribedAsync(int productId)
    {
        var channel = RedisTopicEventBus.ChannelPrefix + ReviewTopics.ReviewsOf(productId);
        var database = _watcher!.GetDatabase();
        Assert.True(await Eventually.TrueAsync(() => (long)database.Execute("PUBSUB", "NUMSUB", channel)[1] >= 1, TimeSpan.FromSeconds(20)),
            $"No process subscribed to {channel} in Redis:\n{Second.Output}");
    }

    /// <summary>Adds a review as the customer through <paramref name="gateway"/>; the review (id, title).</summary>
    public async Task<JsonNode> AddReviewAsync(GatewayProcess gateway, int productId, int customerId, string title)
    {
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        var added = await http.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = GlobalId.Encode("Product", productId), rating = 4, title, body = (string?)null },
            _tokens.Issue(customerId, $"Customer {customerId}", isAdmin: false));
        return added["addReview"]!["review"]!;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        _watcher?.Dispose();
        await Redis.DisposeAsync();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or DirectoryNotFoundException)
        {
        }
    }
}
