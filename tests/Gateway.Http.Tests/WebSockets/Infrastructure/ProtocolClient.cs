using System.Net.WebSockets;
using System.Text;
using System.Text.Json;

namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>A raw <see cref="ClientWebSocket"/> speaking graphql-transport-ws by hand, to probe the protocol's edges.</summary>
public sealed class ProtocolClient : IAsyncDisposable
{
    private readonly ClientWebSocket _socket;

    private ProtocolClient(ClientWebSocket socket) => _socket = socket;

    public ClientWebSocket Socket => _socket;

    public static async Task<ProtocolClient> ConnectAsync(Uri uri, CancellationToken cancellationToken, string? subProtocol = "graphql-transport-ws")
    {
        var socket = new ClientWebSocket();
        if (subProtocol is not null)
        {
            socket.Options.AddSubProtocol(subProtocol);
        }

        await socket.ConnectAsync(uri, cancellationToken);
        return new ProtocolClient(socket);
    }

    public Task SendAsync(string json, CancellationToken cancellationToken) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, true, cancellationToken);

    public Task SendAsync(object message, CancellationToken cancellationToken) =>
        SendAsync(JsonSerializer.Serialize(message), cancellationToken);

    public async Task InitAsync(CancellationToken cancellationToken, string? token = null)
    {
        await SendAsync(token is null ? new { type = "connection_init" } : new { type = "connection_init", payload = new { token } }, cancellationToken);
        var ack = await ReceiveMessageAsync(cancellationToken);
        Assert.Equal("connection_ack", ack.GetProperty("type").GetString());
    }

    public Task SubscribeAsync(string id, string query, CancellationToken cancellationToken, object? variables = null) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } }, cancellationToken);

    /// <summary>The next frame: a JSON message, or the close status and reason when the server closed.</summary>
    public async Task<ServerFrame> ReceiveAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, cancellationToken);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                if (_socket.State == WebSocketState.CloseReceived)
                {
                    await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
                }

                return new ServerFrame(null, (int?)result.CloseStatus, result.CloseStatusDescription);
            }

            message.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return new ServerFrame(JsonDocument.Parse(message.ToArray()).RootElement.Clone(), null, null);
            }
        }
    }

    public async Task<JsonElement> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        var frame = await ReceiveAsync(cancellationToken);
        Assert.True(frame.Message.HasValue, $"Expected a message but the server closed with {frame.CloseCode} '{frame.CloseReason}'.");
        return frame.Message.Value;
    }

    /// <summary>Reads until the server's close frame and returns it; fails on any message in between.</summary>
    public async Task<ServerFrame> ReceiveCloseAsync(CancellationToken cancellationToken)
    {
        var frame = await ReceiveAsync(cancellationToken);
        Assert.True(frame.CloseCode.HasValue, $"Expected the socket to close but received {frame.Message}.");
        return frame;
    }

    public async Task CloseAsync(CancellationToken cancellationToken)
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, null, cancellationToken);
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}

/// <summary>One thing the server sent: a message or a close.</summary>
public readonly record struct ServerFrame(JsonElement? Message, int? CloseCode, string? CloseReason);
