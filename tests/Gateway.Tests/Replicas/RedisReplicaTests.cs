using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.EntityFramework.Relay;
using Gateway.Messaging;
using Gateway.Reviews;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Subscriptions;
using Gateway.Tests.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Replicas;

/// <summary>
/// Two gateway replicas on Kestrel over one store and one Redis: an event raised by a mutation on one replica reaches
/// a subscriber of the other (WebSocket and event stream), a document registered through APQ on one runs by hash on the
/// other, and readiness reports Redis.
/// </summary>
public sealed class RedisReplicaTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private Replica? _first;
    private Replica? _second;

    public async Task InitializeAsync()
    {
        // Runs only for a test that is not skipped (RedisFact): without redis-server this fails with the reason.
        await _redis.InitializeAsync();
        _first = new Replica(_redis.ConnectionString, storeDirectory: null);
        _ = _first.GraphQLEndpoint; // starts it: it migrates and seeds the store the second replica then shares
        _second = new Replica(_redis.ConnectionString, _first.StoreDirectory);
        _ = _second.GraphQLEndpoint;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null) await _second.DisposeAsync();
        if (_first is not null) await _first.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public void With_a_redis_connection_string_the_bus_is_redis()
    {
        Assert.IsType<RedisTopicEventBus>(_first!.Services.GetRequiredService<ITopicEventBus>());
    }

    [RedisFact]
    public async Task A_review_added_on_one_replica_reaches_a_subscriber_of_the_other()
    {
        const int productId = 11;
        const int authorId = 21;
        var product = GlobalId.Encode("Product", productId);
        var subscriber = StorefrontWsClient.SubscribeAsync(
            _second!, Path.Combine(ContractPaths.Screens, "OnReviewAdded.graphql"), new { productId = product }, expected: 2);
        var local = _second!.Services.GetRequiredService<InMemoryTopicEventBus>();
        Assert.True(await local.WaitForSubscribersAsync(ReviewTopics.ReviewsOf(productId), 1), "the subscription never reached the second replica's bus");

        using var http = new HttpClient { BaseAddress = _first!.GraphQLEndpoint };
        var token = _first.Services.GetRequiredService<TokenIssuer>().Issue(authorId, $"Customer {authorId}", isAdmin: false);
        var added = await http.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = product, rating = 4, title = "Seen across replicas", body = (string?)null }, token);
        // The sentinel, through the first replica's bus as well: a second push of the review would come before it.
        var addedId = GlobalId.TryParse<int>((string?)added["addReview"]!["review"]!["id"], "Review", out var id) ? id : 0;
        await using var db = await _first.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var sentinelReviewId = await db.Reviews.Where(r => r.Id != addedId).Select(r => r.Id).FirstAsync();
        await _first.Services.GetRequiredService<ITopicEventBus>().PublishAsync(ReviewTopics.ReviewsOf(productId), new ReviewAdded(productId, sentinelReviewId));

        var output = await subscriber;
        var results = output["results"]!.AsArray();
        Assert.Equal(2, results.Count);
        Assert.Equal(GlobalId.Encode("Review", sentinelReviewId), (string?)results[1]!["data"]!["onReviewAdded"]!["id"]);
        var pushed = results[0]!["data"]!["onReviewAdded"]!;
        Assert.Equal((string?)added["addReview"]!["review"]!["id"], (string?)pushed["id"]);
        Assert.Equal("Seen across replicas", (string?)pushed["title"]);
        Assert.True(await local.WaitForSubscribersAsync(ReviewTopics.ReviewsOf(productId), 0), "the completed subscription still holds its subscriber");
    }

    [RedisFact]
    public async Task A_review_added_on_one_replica_reaches_an_event_stream_of_the_other()
    {
        const int productId = 12;
        const int authorId = 22;
        var product = GlobalId.Encode("Product", productId);
        using var streamClient = new HttpClient { BaseAddress = _second!.GraphQLEndpoint, Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = GraphQLHttp.Screen("OnReviewAdded"), variables = new { productId = product } }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await streamClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        var local = _second.Services.GetRequiredService<InMemoryTopicEventBus>();
        Assert.True(await local.WaitForSubscribersAsync(ReviewTopics.ReviewsOf(productId), 1), "the event stream never reached the second replica's bus");

        using var http = new HttpClient { BaseAddress = _first!.GraphQLEndpoint };
        var token = _first.Services.GetRequiredService<TokenIssuer>().Issue(authorId, $"Customer {authorId}", isAdmin: false);
        var added = await http.QueryAsync(GraphQLHttp.Screen("AddReview"),
            new { productId = product, rating = 5, title = "Streamed across replicas", body = (string?)null }, token);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        string? data = null;
        while (data is null && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data: {", StringComparison.Ordinal))
            {
                data = line["data: ".Length..];
            }
        }

        var pushed = JsonNode.Parse(data!)!["data"]!["onReviewAdded"]!;
        Assert.Equal((string?)added["addReview"]!["review"]!["id"], (string?)pushed["id"]);
        Assert.Equal("Streamed across replicas", (string?)pushed["title"]);
    }

    [RedisFact]
    public async Task A_query_registered_through_apq_on_one_replica_runs_by_hash_on_the_other()
    {
        const string query = "query RegisteredOnce { categories(where: { depth: { eq: 0 } }) { id name } }";
        var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(query)));
        var persistedQuery = new { version = 1, sha256Hash = hash };
        using var second = new HttpClient { BaseAddress = _second!.GraphQLEndpoint };
        using var first = new HttpClient { BaseAddress = _first!.GraphQLEndpoint };

        var miss = await PostAsync(second, new { extensions = new { persistedQuery } });
        Assert.Equal("PERSISTED_QUERY_NOT_FOUND", (string?)miss["errors"]![0]!["extensions"]!["code"]);

        var registered = await PostAsync(first, new { query, extensions = new { persistedQuery } });
        Assert.Null(registered["errors"]);

        var hit = await PostAsync(second, new { extensions = new { persistedQuery } });
        Assert.Null(hit["errors"]);
        Assert.Equal(registered["data"]!.ToJsonString(), hit["data"]!.ToJsonString());
    }

    private static async Task<JsonObject> PostAsync(HttpClient client, object body)
    {
        using var response = await client.PostAsJsonAsync("/graphql", body);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [RedisFact]
    public async Task Readiness_checks_redis_and_fails_while_it_is_down()
    {
        using var http = new HttpClient { BaseAddress = _first!.GraphQLEndpoint };
        var ready = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!;
        Assert.Equal("Healthy", (string?)ready["checks"]!["redis"]!["status"]);

        await _redis.DisposeAsync();
        using var down = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", (string?)JsonNode.Parse(await down.Content.ReadAsStringAsync())!["checks"]!["redis"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    private sealed class Replica(string redis, string? storeDirectory) : KestrelGatewayFactory(storeDirectory)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ConnectionStrings:Redis", redis)];
    }
}
