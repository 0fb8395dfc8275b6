using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Testing;
using Gateway.Tests.Infrastructure;
using Gateway.Tests.Shipping;

namespace Gateway.Tests.Replicas;

/// <summary>
/// SIGTERM to a real gateway process: readiness turns 503 (while it still listens, Shutdown:StopListeningDelay), a
/// WebSocket subscription is closed with 1001, an event stream ends with 'complete', a request in flight (its delivery
/// estimates held by the remote shipping service) completes with its answer, and the process exits 0 on its own
/// within the drain time.
/// </summary>
public sealed class GracefulShutdownTests
{
    [Fact]
    public async Task Sigterm_turns_readiness_503_closes_sockets_with_1001_completes_event_streams_and_requests_in_flight_and_exits_cleanly()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var shipping = await RemoteShipping.StartAsync();
        await using var gateway = await GatewayProcess.StartAsync(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "store.db")}",
            settings:
            [
                new("Shutdown:DrainTimeout", "00:00:20"),
                // Readiness is probed over a new connection: without the delay Kestrel may refuse it before it is taken.
                new("Shutdown:StopListeningDelay", "00:00:05"),
                // The request in flight waits on the remote for as long as the test holds it.
                new("Shipping:Url", shipping.Url),
                new("Shipping:AttemptTimeout", "00:00:40"),
                new("Shipping:Timeout", "00:00:40"),
            ]);
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

        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready", cancel.Token)).StatusCode);
        shipping.Fault = ShippingFault.Held;
        var inFlight = http.PostAsJsonAsync("/graphql", new { query = DeliveryQueries.CatalogPage(2) }, cancel.Token);
        Assert.True(await Eventually.TrueAsync(() => shipping.Calls >= 1, TimeSpan.FromSeconds(20)), "the request never reached the shipping service");
        var before = gateway.Output.Length;
        gateway.Terminate();

        var closing = await ReceiveCloseAsync(socket, cancel.Token);
        Assert.Equal(WebSocketCloseStatus.EndpointUnavailable, closing); // 1001 Going Away
        var events = await streamBody; // the stream ends on its own
        Assert.Matches("event: complete\ndata: ?\n\n$", events.ReplaceLineEndings("\n"));
        Assert.True(await Eventually.TrueAsync(async () => await ReadinessAsync(http) == HttpStatusCode.ServiceUnavailable, TimeSpan.FromSeconds(5)),
            $"/health/ready never answered 503 after SIGTERM:\n{gateway.Output[before..]}");
        Assert.False(inFlight.IsCompleted, "the request in flight ended before the shipping service answered it");

        shipping.Release();
        using var answer = await inFlight;
        Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        var result = JsonNode.Parse(await answer.Content.ReadAsStringAsync(cancel.Token))!;
        Assert.Null(result["errors"]);
        var products = result["data"]!["products"]!["nodes"]!.AsArray();
        Assert.Equal(2, products.Count);
        Assert.All(products, p => Assert.True((int)p!["delivery"]!["days"]! > 0));
        Assert.Equal(0, await gateway.WaitForExitAsync(TimeSpan.FromSeconds(30)));
        // Nothing failed while stopping (what a loaded machine logged before the signal is not this test's concern).
        // The readiness probes' 503, which the health check service logs as an error, is the state the test asked for.
        var stopping = Regex.Replace(gateway.Output[before..],
            @"fail: Microsoft\.Extensions\.Diagnostics\.HealthChecks\.DefaultHealthCheckService\[103\]\s+Health check shutdown with status Unhealthy", "");
        Assert.False(stopping.Contains("fail:", StringComparison.Ordinal), stopping);
    }

    /// <summary>Readiness's status, or null while no connection is taken (before the signal is handled, or after).</summary>
    private static async Task<HttpStatusCode?> ReadinessAsync(HttpClient http)
    {
        try
        {
            using var response = await http.GetAsync("/health/ready");
            return response.StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
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
