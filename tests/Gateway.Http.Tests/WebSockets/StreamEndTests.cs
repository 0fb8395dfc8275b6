using Gateway.Testing;
using System.Text.Json;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Http.WebSockets;

namespace Gateway.Http.Tests.WebSockets;

/// <summary>How operations end when their source stream, resolver, host hook or client misbehaves.</summary>
public sealed class StreamEndTests
{
    private static CancellationTokenSource Timeout() => new(TimeSpan.FromSeconds(10));

    [Fact]
    public async Task A_source_stream_that_completes_sends_its_events_then_complete()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("x", "subscription { finiteStream { text } }", cts.Token);

        var next = await client.ReceiveMessageAsync(cts.Token);
        Assert.Equal("""{"finiteStream":{"text":"only"}}""", next.GetProperty("payload").GetProperty("data").GetRawText());
        Assert.Equal("complete", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_source_stream_that_fails_sends_a_terminal_error_and_frees_the_id()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("x", "subscription { failingStream { id } }", cts.Token);
        var error = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal(JsonValueKind.Array, error.GetProperty("payload").ValueKind);
        Assert.NotEmpty(error.GetProperty("payload")[0].GetProperty("message").GetString()!);

        // No 4409: the failed operation no longer holds its id.
        await client.SubscribeAsync("x", "{ hello }", cts.Token);
        Assert.Equal("next", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_subscription_resolver_that_throws_yields_a_result_with_errors_then_complete()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("x", "subscription { failingResolver { id } }", cts.Token);
        var next = await client.ReceiveMessageAsync(cts.Token);

        Assert.Equal("next", next.GetProperty("type").GetString());
        Assert.Contains("failingResolver", next.GetProperty("payload").GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("complete", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_host_hook_that_throws_fails_only_that_operation()
    {
        using var cts = Timeout();
        await using var server = await WebSocketTestServer.StartAsync(
            cancellationToken: cts.Token,
            services: services => services.ConfigureGraphQLHttpExecution((execution, _) =>
            {
                if (execution.Query!.Contains("me"))
                {
                    throw new InvalidOperationException("hook failure");
                }
            }));
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);

        await client.SubscribeAsync("bad", "{ me }", cts.Token);
        var error = await client.ReceiveMessageAsync(cts.Token);
        Assert.Equal("error", error.GetProperty("type").GetString());
        Assert.Equal("Internal server error", error.GetProperty("payload")[0].GetProperty("message").GetString());

        await client.SubscribeAsync("good", "{ hello }", cts.Token);
        Assert.Equal("next", (await client.ReceiveMessageAsync(cts.Token)).GetProperty("type").GetString());
    }

    [Fact]
    public async Task A_client_that_stops_reading_is_disconnected_with_1008_instead_of_buffering_without_bound()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await using var server = await WebSocketTestServer.StartAsync(o => o.MaxPendingMessages = 4, cancellationToken: cts.Token);
        await using var client = await ProtocolClient.ConnectAsync(server.WebSocketUri, cts.Token);
        await client.InitAsync(cts.Token);
        await client.SubscribeAsync("feed", "subscription { onPost { text } }", cts.Token);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(5)));

        // ~40 MB of events while the client reads nothing: more than the socket buffers absorb.
        var text = new string('x', 64 * 1024);
        for (var i = 0; i < 600 && server.Bus.SubscriberCount(TestSchema.PostsTopic) == 1; i++)
        {
            await server.Bus.PublishAsync(TestSchema.PostsTopic, new Post(i, text, null), cts.Token);
            await Task.Yield();
        }

        ServerFrame frame;
        var messages = 0;
        do
        {
            frame = await client.ReceiveAsync(cts.Token);
            messages++;
        }
        while (frame.Message.HasValue && messages < 1000);

        Assert.Equal(GraphQLWebSocketCloseCodes.PolicyViolation, frame.CloseCode);
        Assert.True(await Eventually.TrueAsync(() => server.Bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(5)));
    }
}
