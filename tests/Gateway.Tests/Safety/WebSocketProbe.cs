using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Safety;

/// <summary>
/// A bare graphql-transport-ws client (.NET's ClientWebSocket, no Node): opens a socket, initialises, subscribes
/// with one document and returns the first message about it (an <c>error</c> or a <c>next</c>) or the close status.
/// </summary>
internal static class WebSocketProbe
{
    public static async Task<(JsonNode? Message, WebSocketCloseStatus? Close)> SubscribeAsync(Uri baseAddress, string query, object? variables = null, string? operationName = null)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var uri = new UriBuilder(baseAddress) { Scheme = "ws", Path = "/graphql" }.Uri;
        await socket.ConnectAsync(uri, timeout.Token);
        await SendAsync(socket, new { type = "connection_init" }, timeout.Token);
        var ack = await ReceiveAsync(socket, timeout.Token);
        if ((string?)ack?["type"] != "connection_ack")
        {
            return (ack, socket.CloseStatus);
        }

        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query, variables, operationName } }, timeout.Token);
        var message = await ReceiveAsync(socket, timeout.Token);
        if (socket.State == WebSocketState.Open)
        {
            await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
        }

        return (message, socket.CloseStatus);
    }

    private static Task SendAsync(ClientWebSocket socket, object message, CancellationToken cancellationToken) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, cancellationToken);

    private static async Task<JsonNode?> ReceiveAsync(ClientWebSocket socket, CancellationToken cancellationToken)
    {
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await socket.ReceiveAsync(buffer, cancellationToken);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()));
            }
        }
    }
}
