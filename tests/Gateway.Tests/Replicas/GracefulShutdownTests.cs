using System.Net.Http.Headers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Replicas;

/// <summary>
/// SIGTERM to a real gateway process: readiness turns 503, a WebSocket subscription is closed with 1001, an event
/// stream ends with 'complete', and the process exits 0 on its own within the drain time.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_closes_sockets_with_1001_completes_event_streams_and_exits_cleanly()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var gateway = await GatewayProcess.StartAsync(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "store.db")}",
            settings: [new("Shutdown:DrainTimeout", "00:00:10")]);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress, Timeout = TimeSpan.FromSeconds(30) };
        using var cancel = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        var subscription = File.ReadAllText(Path.Combine(ContractPaths.Screens, "OnReviewAdded.graphql"));
        var variables = new { productId = GlobalId.Encode("Product", 1) };

        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(new UriBuilder(gateway.BaseAddress) { Scheme = "ws", Path = "/graphql" }.ToString()), cancel.Token);
        await SendAsync(socket, new { type = "connection_init" }, cancel.Token);
        Assert.Contains("connection_ack", await ReceiveTextAsync(socket, cancel.Token), StringComparison.Ordinal);
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = subscription, variables } }, cancel.Token);

        using var streamRequest = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(JsonSerializer.Serialize(new { query = subscription, variables }), Encoding.UTF8, "application/json"),
        };
        streamRequest.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/event-stream"));
        using var streamResponse = await http.SendAsync(streamRequest, HttpCompletionOption.ResponseHeadersRead, cancel.Token);
        Assert.Equal("text/event-stream", streamResponse.Content.Headers.ContentType?.MediaType);
        var streamBody = streamResponse.Content.ReadAsStringAsync(cancel.Token);

        Assert.Equal(System.Net.HttpStatusCode.OK, (await http.GetAsync("/health/ready", cancel.Token)).StatusCode);
        var before = gateway.Output.Length;
        gateway.Terminate();

        var closing = await ReceiveCloseAsync(socket, cancel.Token);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closing); // 1001 Going Away
        var events = await streamBody; // the stream ends on its own
        Assert.Matches("event: complete\ndata: ?\n\n$", events.ReplaceLineEndings("\n"));
        Assert.Equal(0, await gateway.WaitForExitAsync(TimeSpan.FromSeconds(20)));
        // Nothing failed while stopping (what a loaded machine logged before the signal is not this test's concern).
        Assert.DoesNotContain("fail:", gateway.Output[before..], StringComparison.Ordinal);
    }

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, cancellationToken);

    private static async Task<string> ReceiveTextAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        var result = await socket.ReceiveAsync(buffer, cancellationToken);
        return Encoding.UTF8.GetString(buffer, 0, result.Count);
    }

    private static async Task<WebSocketCloseStatus?> ReceiveCloseAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[16 * 1024];
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return result.CloseStatus;
            }
        }
    }
}
