using Gateway.Testing;
using System.Text.Json;
using Gateway.Http.Tests.WebSockets.Infrastructure;

namespace Gateway.Http.Tests.WebSockets;

/// <summary>Queries, mutations and subscriptions over the socket, and how they are released.</summary>
public sealed class WebSocketOperationTests
{
    private const string OnPost = "subscription { onPost { id text author seenBy } }";

    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_query_yields_one_next_then_complete()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token, token: "alice");

        await client.SubscribeAsync("q1", "query Who { hello me }", cts.Token);
        var next = await client.ReceiveMessageAsync(cts.Token);
        var complete = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Equal("q1", next.GetProperty("id").GetString());
        Assert.Equal("""{"hello":"world","me":"alice"}""", next.GetProperty("payload").GetProperty("data").GetRawText());
        Assert.Equal("""{"type":"complete","id":"q1"}""", Compact(complete));
    }

    [Fact]
    public async Task A_document_that_fails_validation_yields_an_error_message_and_no_complete()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("bad", "{ nope }", cts.Token);
        var error = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("bad", error.GetProperty("id").GetString());
        var errors = error.GetProperty("payload");
        Assert.Equal(JsonValueKind.Array, errors.ValueKind);
        Assert.Contains("nope", errors[0].GetProperty("message").GetString());

        // The socket stays usable and nothing else was sent for "bad".
        await client.SendAsync("""{"type":"ping"}""", cts.Token);
        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_mutation_on_one_socket_reaches_a_subscription_on_another_as_its_own_principal()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var subscriber = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await using var publisher = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await subscriber.InitAsync(cts.Token, token: "bob");
        await publisher.InitAsync(cts.Token, token: "alice");

        await subscriber.SubscribeAsync("feed", OnPost, cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));
        await publisher.SubscribeAsync("m1", "mutation($t: String!) { post(text: $t) { text author } }", cts.Token, new { t = "hi" });

        var mutationResult = await publisher.ReceiveMessageAsync(cts.Token);
        Assert.Equal("""{"post":{"text":"hi","author":"alice"}}""", mutationResult.GetProperty("payload").GetProperty("data").GetRawText());
        var evt = await subscriber.ReceiveMessageAsync(cts.Token);
        Assert.Equal("next", evt.GetProperty("type").GetString());
        Assert.Equal("feed", evt.GetProperty("id").GetString());
        var post = evt.GetProperty("payload").GetProperty("data").GetProperty("onPost");
        Assert.Equal("hi", post.GetProperty("text").GetString());
        Assert.Equal("alice", post.GetProperty("author").GetString());
        Assert.Equal("bob", post.GetProperty("seenBy").GetString());
    }

    [Fact]
    public async Task Events_reach_the_client_in_publish_order()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("feed", "subscription { onPost { id } }", cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        const int count = 200;
        for (var id = 1; id <= count; id++)
        {
            await server.Bus.PublishAsync(TestSchema.PostsTopic, new Post(id, "t", null), cts.Token);
        }

        for (var id = 1; id <= count; id++)
        {
            var evt = await client.ReceiveMessageAsync(cts.Token);
            Assert.Equal(id, evt.GetProperty("payload").GetProperty("data").GetProperty("onPost").GetProperty("id").GetInt32());
        }
    }

    [Fact]
    public async Task Complete_from_the_client_releases_the_subscription_and_stops_its_events()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("feed", OnPost, cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        await client.SendAsync("""{"type":"complete","id":"feed"}""", cts.Token);

        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(5)));
        Assert.Equal(0, server.Bus.TopicCount);
        await server.Bus.PublishAsync(TestSchema.PostsTopic, new Post(1, "late", null), cts.Token);
        await client.SendAsync("""{"type":"ping"}""", cts.Token);
        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task Complete_from_the_client_cancels_a_running_query()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("slow", "{ wait }", cts.Token);
        await client.SendAsync("""{"type":"complete","id":"slow"}""", cts.Token);

        // Nothing is sent for the cancelled query, and its id is free again.
        await client.SendAsync("""{"type":"ping"}""", cts.Token);
        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
        await client.SubscribeAsync("slow", "{ hello }", cts.Token);
        Assert.Equal("next", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_client_that_closes_releases_all_its_subscriptions()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("a", OnPost, cts.Token);
        await client.SubscribeAsync("b", OnPost, cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 2, TimeSpan.FromSeconds(5)));

        await client.CloseAsync(cts.Token);

        Assert.Equal(System.Net.WebSockets.WebSocketCloseStatus.NormalClosure, client.Socket.CloseStatus);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task A_client_that_vanishes_without_a_close_frame_releases_its_subscriptions()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("a", OnPost, cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        client.Socket.Abort();
        await client.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Each_operation_runs_in_its_own_service_scope()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        var scopeIds = new List<string>();
        foreach (var id in new[] { "s1", "s2" })
        {
            await client.SubscribeAsync(id, "{ a: scopeId b: scopeId }", cts.Token);
            var data = (await client.ReceiveMessageAsync(cts.Token)).GetProperty("payload").GetProperty("data");
            Assert.Equal(data.GetProperty("a").GetString(), data.GetProperty("b").GetString());
            scopeIds.Add(data.GetProperty("a").GetString()!);
            await client.ReceiveMessageAsync(cts.Token);
        }

        Assert.NotEqual(scopeIds[0], scopeIds[1]);
    }

    [Fact]
    public async Task The_transports_one_execution_hook_configures_every_socket_operation_from_the_upgrade_request()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        var uri = new UriBuilder(server.WebSocketUri) { Query = "marker=from-upgrade" }.Uri;
        await using var client = await ProtocolClient.ConnectAsync(uri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("m", "{ marker }", cts.Token);
        var data = (await client.ReceiveMessageAsync(cts.Token)).GetProperty("payload").GetProperty("data");

        Assert.Equal("from-upgrade", data.GetProperty("marker").GetString());
    }

    [Fact]
    public async Task Without_a_custom_authenticator_the_socket_acts_as_the_upgrade_request_user()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(useTokenAuthenticator: false, cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        // The payload token means nothing to the default authenticator: the request was anonymous.
        await client.InitAsync(cts.Token, token: "alice");
        await client.SubscribeAsync("me", "{ me }", cts.Token);
        var data = (await client.ReceiveMessageAsync(cts.Token)).GetProperty("payload").GetProperty("data");

        Assert.Equal(JsonValueKind.Null, data.GetProperty("me").ValueKind);
    }

    [Fact]
    public async Task Operations_beyond_the_per_socket_limit_get_an_error_message()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(o => o.MaxOperationsPerConnection = 1, cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("first", OnPost, cts.Token);
        await client.SubscribeAsync("second", OnPost, cts.Token);
        var error = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("second", error.GetProperty("id").GetString());
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);
}
