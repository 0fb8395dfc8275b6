using System.Net;
using System.Text.Json.Nodes;
using Gateway.Messaging;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Transport;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Replicas;

/// <summary>
/// One gateway with <c>ConnectionStrings:Redis</c> set, on a Redis of each test's own: its event bus is Redis', and
/// readiness checks Redis and fails while it is down. (<see cref="RedisReplicaTests"/> runs two processes on one.)
/// </summary>
public sealed class RedisConfigurationTests : IAsyncLifetime
{
    private readonly RedisServer _redis = new();
    private Replica? _gateway;

    public async Task InitializeAsync()
    {
        // Runs only for a test that is not skipped (RedisFact): without redis-server this fails with the reason.
        await _redis.InitializeAsync();
        _gateway = new Replica(_redis.ConnectionString);
        _ = _gateway.GraphQLEndpoint; // starts it
    }

    public async Task DisposeAsync()
    {
        if (_gateway is not null) await _gateway.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RedisFact]
    public void With_a_redis_connection_string_the_bus_is_redis()
    {
        Assert.IsType<RedisTopicEventBus>(_gateway!.Services.GetRequiredService<ITopicEventBus>());
    }

    [RedisFact]
    public async Task Readiness_checks_redis_and_fails_while_it_is_down()
    {
        using var http = new HttpClient { BaseAddress = _gateway!.GraphQLEndpoint };
        var ready = JsonNode.Parse(await http.GetStringAsync("/health/ready"))!;
        Assert.Equal("Healthy", (string?)ready["checks"]!["redis"]!["status"]);

        await _redis.DisposeAsync();
        using var down = await http.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
        Assert.Equal("Unhealthy", (string?)JsonNode.Parse(await down.Content.ReadAsStringAsync())!["checks"]!["redis"]!["status"]);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/live")).StatusCode);
    }

    private sealed class Replica(string redis) : KestrelGatewayFactory(storeDirectory: null)
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ConnectionStrings:Redis", redis)];
    }
}
