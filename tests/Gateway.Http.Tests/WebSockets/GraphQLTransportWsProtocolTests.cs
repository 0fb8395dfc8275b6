using Gateway.Testing;
using System.Net.WebSockets;
using System.Text.Json;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Http.WebSockets;

namespace Gateway.Http.Tests.WebSockets;

/// <summary>The graphql-transport-ws handshake and the close codes of its edge cases, driven by a raw client.</summary>
public sealed class GraphQLTransportWsProtocolTests
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task Connection_init_is_acknowledged_and_the_negotiated_subprotocol_is_graphql_transport_ws()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        Assert.Equal("graphql-transport-ws", client.Socket.SubProtocol);
        await client.SendAsync(new { type = "connection_init", payload = new { token = "alice" } }, cts.Token);
        var ack = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("""{"type":"connection_ack"}""", JsonSerializer.Serialize(ack));
    }

    [Fact]
    public async Task Ping_is_answered_with_pong_before_and_after_the_handshake()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.SendAsync("""{"type":"ping"}""", cts.Token);
        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());

        await client.InitAsync(cts.Token);
        await client.SendAsync("""{"type":"ping","payload":{"at":1}}""", cts.Token);
        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());

        // A pong from the client needs no answer; the next reply belongs to the query.
        await client.SendAsync("""{"type":"pong"}""", cts.Token);
        await client.SubscribeAsync("q", "{ hello }", cts.Token);
        Assert.Equal("next", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_client_without_the_subprotocol_is_closed_with_4406()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token, subProtocol: "graphql-ws");

        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable, close.CloseCode);
    }

    [Theory]
    [InlineData("not json", "Message is not valid JSON")]
    [InlineData("[1,2]", "Message must be a JSON object")]
    [InlineData("""{"payload":{}}""", "Message is missing the string property 'type'")]
    [InlineData("""{"type":"start","id":"1"}""", "Unexpected message of type 'start' received")]
    [InlineData("""{"type":"next","id":"1","payload":{}}""", "Unexpected message of type 'next' received")]
    [InlineData("""{"type":"connection_init","payload":"token"}""", "'connection_init' message expects the 'payload' property to be an object or missing")]
    public async Task A_malformed_message_closes_with_4400_and_a_reason(string message, string reason)
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.SendAsync(message, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, close.CloseCode);
        Assert.Equal(reason, close.CloseReason);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","payload":{"query":"{ hello }"}}""", "'subscribe' message requires a non-empty string 'id'")]
    [InlineData("""{"type":"subscribe","id":"1"}""", "'subscribe' message expects the 'payload' property to be an object")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"variables":{}}}""", "'subscribe' payload requires a string 'query'")]
    [InlineData("""{"type":"complete"}""", "'complete' message requires a non-empty string 'id'")]
    public async Task A_malformed_operation_message_after_the_handshake_closes_with_4400(string message, string reason)
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SendAsync(message, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, close.CloseCode);
        Assert.Equal(reason, close.CloseReason);
    }

    [Theory]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":"{ hello }","variables":[1]}}""")]
    [InlineData("""{"type":"subscribe","id":"1","payload":{"query":42}}""")]
    public async Task A_subscribe_payload_of_the_wrong_shape_closes_with_4400(string message)
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SendAsync(message, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, close.CloseCode);
    }

    [Fact]
    public async Task A_binary_message_closes_with_4400()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.Socket.SendAsync("""{"type":"ping"}"""u8.ToArray(), WebSocketMessageType.Binary, true, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.BadRequest, close.CloseCode);
    }

    [Fact]
    public async Task A_message_over_the_size_limit_closes_with_1009()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(o => o.MaxMessageBytes = 1024, cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("big", "{ hello }" + new string(' ', 2048), cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.MessageTooBig, close.CloseCode);
    }

    [Fact]
    public async Task Subscribe_before_the_acknowledgement_closes_with_4401()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.SubscribeAsync("1", "{ hello }", cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.Unauthorized, close.CloseCode);
        Assert.Equal("Unauthorized", close.CloseReason);
    }

    [Fact]
    public async Task No_connection_init_within_the_timeout_closes_with_4408()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200), cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, close.CloseCode);
        Assert.Equal("Connection initialisation timeout", close.CloseReason);
    }

    [Fact]
    public async Task An_acknowledged_connection_outlives_the_init_timeout()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(200), cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await Task.Delay(400, cts.Token);
        await client.SendAsync("""{"type":"ping"}""", cts.Token);

        Assert.Equal("pong", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_second_connection_init_closes_with_4429()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SendAsync("""{"type":"connection_init"}""", cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, close.CloseCode);
        Assert.Equal("Too many initialisation requests", close.CloseReason);
    }

    [Fact]
    public async Task Reusing_the_id_of_a_running_subscription_closes_with_4409()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("feed", "subscription { onPost { id } }", cts.Token);
        await client.SubscribeAsync("feed", "subscription { onPost { text } }", cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, close.CloseCode);
        Assert.Equal("Subscriber for feed already exists", close.CloseReason);
    }

    [Fact]
    public async Task An_id_can_be_reused_once_its_operation_has_completed()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        for (var round = 0; round < 2; round++)
        {
            await client.SubscribeAsync("same", "{ hello }", cts.Token);
            Assert.Equal("next", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
            Assert.Equal("complete", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
        }
    }

    [Fact]
    public async Task A_rejected_connection_init_closes_with_4403()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "reject" } }, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.Forbidden, close.CloseCode);
        Assert.Equal("Forbidden", close.CloseReason);
    }

    [Fact]
    public async Task A_failing_authenticator_closes_with_4500()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);

        await client.SendAsync(new { type = "connection_init", payload = new { token = "throw" } }, cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);

        Assert.Equal(GraphQLWebSocketCloseCodes.InternalServerError, close.CloseCode);
    }

    [Fact]
    public async Task Requests_that_are_not_websocket_upgrades_fall_through_to_the_next_middleware()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        using var http = new HttpClient { BaseAddress = server.HttpUri };

        var body = await http.GetStringAsync("/graphql?query={hello}", cts.Token);

        Assert.Equal(WebSocketTestServer.FallThroughBody, body);
    }

    [Fact]
    public async Task Server_shutdown_closes_open_sockets_with_1001()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("feed", "subscription { onPost { id } }", cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        var stopping = server.StopAsync(cts.Token);
        var close = await client.ReceiveCloseAsync(cts.Token);
        await stopping;

        Assert.Equal(GraphQLWebSocketCloseCodes.GoingAway, close.CloseCode);
        Assert.Equal(0, server.Bus.SubscriberCount(TestSchema.PostsTopic));
    }
}
