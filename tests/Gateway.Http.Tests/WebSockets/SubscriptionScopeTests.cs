using Gateway.Testing;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using GraphQL;

namespace Gateway.Http.Tests.WebSockets;

/// <summary>Which DI scope a subscription's events are resolved in (the choice documented on the transport).</summary>
public sealed class SubscriptionScopeTests
{
    [Fact]
    public async Task By_default_a_subscription_resolves_every_event_in_its_operation_scope()
    {
        var scopeIds = await ScopeIdsOfTwoEventsAsync(configureGraphQL: null);

        Assert.Equal(scopeIds[0], scopeIds[1]);
    }

    [Fact]
    public async Task With_the_scoped_subscription_strategy_every_event_gets_a_fresh_scope()
    {
        var scopeIds = await ScopeIdsOfTwoEventsAsync(graphQL => graphQL.AddScopedSubscriptionExecutionStrategy());

        Assert.NotEqual(scopeIds[0], scopeIds[1]);
    }

    private static async Task<string[]> ScopeIdsOfTwoEventsAsync(Action<GraphQL.DI.IGraphQLBuilder>? configureGraphQL)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token, configureGraphQL: configureGraphQL);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("feed", "subscription { onPost { scopeId } }", cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        var scopeIds = new string[2];
        for (var i = 0; i < scopeIds.Length; i++)
        {
            await server.Bus.PublishAsync(TestSchema.PostsTopic, new Post(i, "t", null), cts.Token);
            var evt = await client.ReceiveMessageAsync(cts.Token);
            scopeIds[i] = evt.GetProperty("payload").GetProperty("data").GetProperty("onPost").GetProperty("scopeId").GetString()!;
        }

        return scopeIds;
    }
}
