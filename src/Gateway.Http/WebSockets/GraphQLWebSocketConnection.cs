using System.Buffers;
using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Security.Claims;
using System.Text.Json;
using System.Threading.Channels;
using GraphQL;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.WebSockets;

/// <summary>
/// One accepted <c>graphql-transport-ws</c> socket: the protocol state machine, the operations it
/// runs, and the single writer that owns every send (including the close frame).
/// </summary>
/// <remarks>
/// Two loops run per socket. The receive loop parses client messages and starts operations on
/// the thread pool, so a long query never stops it from seeing <c>complete</c> or <c>ping</c>.
/// Everything the server says goes through a bounded queue drained by the write loop, because a
/// WebSocket allows only one send at a time and events arrive from any thread.
/// </remarks>
internal sealed partial class GraphQLWebSocketConnection
{
    private const int ReceiveChunkBytes = 4096;

    private readonly WebSocket _socket;
    private readonly HttpContext _httpContext;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IGraphQLSerializer _serializer;
    private readonly IWebSocketAuthenticator _authenticator;
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly ILogger _logger;
    private readonly Channel<OperationMessage> _outgoing;
    private readonly ConcurrentDictionary<string, WebSocketOperation> _operations = new(StringComparer.Ordinal);

    // Cancelled once the server decides to close; stops the write loop from sending anything but the close frame.
    private readonly CancellationTokenSource _closing = new();

    // Cancelling a pending WebSocket receive or send aborts the socket; this is reserved for a
    // client that is gone or does not finish the close handshake in time.
    private readonly CancellationTokenSource _abort;

    private int _closeClaimed;
    private WebSocketCloseStatus _closeStatus = WebSocketCloseStatus.NormalClosure;
    private string? _closeDescription;
    private int _initReceived;
    private volatile bool _acknowledged;
    private ClaimsPrincipal _user = new(new ClaimsIdentity());

    public GraphQLWebSocketConnection(
        WebSocket socket,
        HttpContext httpContext,
        GraphQLWebSocketOptions options,
        IGraphQLSerializer serializer,
        IWebSocketAuthenticator authenticator,
        IServiceScopeFactory scopeFactory,
        ILogger logger)
    {
        _socket = socket;
        _httpContext = httpContext;
        _options = options;
        _serializer = serializer;
        _authenticator = authenticator;
        _scopeFactory = scopeFactory;
        _logger = logger;
        _abort = CancellationTokenSource.CreateLinkedTokenSource(httpContext.RequestAborted);
        _outgoing = Channel.CreateBounded<OperationMessage>(new BoundedChannelOptions(options.MaxPendingMessages)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
            SingleWriter = false,
        });
    }

    internal GraphQLWebSocketOptions Options => _options;

    internal HttpContext HttpContext => _httpContext;

    internal ClaimsPrincipal User => _user;

    internal IServiceScopeFactory ScopeFactory => _scopeFactory;

    internal ILogger Logger => _logger;

    /// <summary>Serves the socket until it is closed by either side, the client vanishes, or <paramref name="shutdown"/> fires.</summary>
    public async Task RunAsync(CancellationToken shutdown)
    {
        using var shutdownRegistration = shutdown.Register(
            () => RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.GoingAway, "Server is shutting down"));
        var writer = Task.Run(WriteLoopAsync);
        var initTimeout = CloseUnlessAcknowledgedAsync();
        try
        {
            await ReceiveLoopAsync().ConfigureAwait(false);
        }
        finally
        {
            RequestClose(WebSocketCloseStatus.NormalClosure, null);
            await StopAllOperationsAsync().ConfigureAwait(false);
            _outgoing.Writer.TryComplete();
            await writer.ConfigureAwait(false);
            await initTimeout.ConfigureAwait(false);
            _closing.Dispose();
            _abort.Dispose();
        }
    }

    /// <summary>Queues a message for the write loop; never blocks the caller.</summary>
    internal void Send(OperationMessage message)
    {
        if (_outgoing.Writer.TryWrite(message) || Volatile.Read(ref _closeClaimed) == 1)
        {
            return;
        }

        LogClientTooSlow(_logger, _options.MaxPendingMessages);
        RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.PolicyViolation, "Client is not reading messages fast enough");
    }

    /// <summary>Forgets a finished operation, unless its id has meanwhile been taken by a newer one.</summary>
    internal void Forget(WebSocketOperation operation) =>
        _operations.TryRemove(KeyValuePair.Create(operation.Id, operation));

    /// <summary>Starts the close handshake with the given code; only the first request counts.</summary>
    internal void RequestClose(WebSocketCloseStatus status, string? description)
    {
        if (Interlocked.CompareExchange(ref _closeClaimed, 1, 0) != 0)
        {
            return;
        }

        _closeStatus = status;
        _closeDescription = description is null ? null : CloseReason.Fit(description);
        try
        {
            _closing.Cancel();
        }
        catch (ObjectDisposedException)
        {
            // The connection has already finished.
        }
    }

    private bool IsClosing => Volatile.Read(ref _closeClaimed) == 1;

    private async Task ReceiveLoopAsync()
    {
        var chunk = ArrayPool<byte>.Shared.Rent(ReceiveChunkBytes);
        var message = new ArrayBufferWriter<byte>(ReceiveChunkBytes);
        try
        {
            while (true)
            {
                var received = await _socket.ReceiveAsync(chunk.AsMemory(), _abort.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    // Either the client starts the close handshake (echo it) or it answers ours.
                    RequestClose(WebSocketCloseStatus.NormalClosure, null);
                    return;
                }

                if (IsClosing)
                {
                    // Keep reading until the client's close frame so the handshake can finish.
                    message.ResetWrittenCount();
                    continue;
                }

                if (message.WrittenCount + received.Count > _options.MaxMessageBytes)
                {
                    RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.MessageTooBig, $"Message exceeds {_options.MaxMessageBytes} bytes");
                    continue;
                }

                message.Write(chunk.AsSpan(0, received.Count));
                if (!received.EndOfMessage)
                {
                    continue;
                }

                if (received.MessageType == WebSocketMessageType.Binary)
                {
                    RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.BadRequest, "Binary messages are not supported");
                }
                else
                {
                    await HandleMessageAsync(message.WrittenMemory).ConfigureAwait(false);
                }

                message.ResetWrittenCount();
            }
        }
        catch (OperationCanceledException)
        {
            // Aborted: the client went away or did not finish the close handshake.
        }
        catch (Exception exception) when (exception is WebSocketException or IOException or ObjectDisposedException)
        {
            LogSocketFailed(_logger, exception);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    private async Task HandleMessageAsync(ReadOnlyMemory<byte> utf8Json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8Json);
        }
        catch (JsonException)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.BadRequest, "Message is not valid JSON");
            return;
        }

        using (document)
        {
            if (!ClientMessage.TryParse(document.RootElement, out var message, out var error))
            {
                RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.BadRequest, error);
                return;
            }

            switch (message.Type)
            {
                case MessageTypes.ConnectionInit:
                    await InitializeAsync(message.Payload?.Clone()).ConfigureAwait(false);
                    break;
                case MessageTypes.Ping:
                    Send(ServerMessages.Pong());
                    break;
                case MessageTypes.Pong:
                    break;
                case MessageTypes.Subscribe:
                    StartOperation(message.Id!, message.Payload!.Value);
                    break;
                case MessageTypes.Complete:
                    if (_operations.TryRemove(message.Id!, out var operation))
                    {
                        await operation.StopAsync().ConfigureAwait(false);
                    }

                    break;
            }
        }
    }

    private async Task InitializeAsync(JsonElement? payload)
    {
        if (Interlocked.Exchange(ref _initReceived, 1) == 1)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.TooManyInitialisationRequests, "Too many initialisation requests");
            return;
        }

        ClaimsPrincipal? user;
        try
        {
            user = await _authenticator.AuthenticateAsync(_httpContext, payload, _abort.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (_abort.IsCancellationRequested)
        {
            return;
        }
        catch (Exception exception)
        {
            LogAuthenticatorFailed(_logger, exception);
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        if (user is null)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.Forbidden, "Forbidden");
            return;
        }

        _user = user;
        _acknowledged = true;
        Send(ServerMessages.ConnectionAck());
    }

    private void StartOperation(string id, JsonElement payload)
    {
        if (!_acknowledged)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.Unauthorized, "Unauthorized");
            return;
        }

        GraphQLRequest? request;
        try
        {
            request = _serializer.ReadNode<GraphQLRequest>(payload);
        }
        catch (Exception exception) when (exception is JsonException or InvalidCastException or InvalidOperationException or FormatException or ArgumentException)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.BadRequest, "Invalid 'subscribe' payload: " + exception.Message);
            return;
        }

        if (request is null || (string.IsNullOrWhiteSpace(request.Query) && string.IsNullOrWhiteSpace(request.DocumentId)))
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.BadRequest, "'subscribe' payload requires a string 'query'");
            return;
        }

        // The id is reserved for single-result operations too (the protocol allows either), so a
        // client can never confuse the results of two live operations.
        if (_operations.ContainsKey(id))
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.SubscriberAlreadyExists, $"Subscriber for {id} already exists");
            return;
        }

        if (_operations.Count >= _options.MaxOperationsPerConnection)
        {
            Send(ServerMessages.Error(id, $"Too many active operations on this connection (maximum {_options.MaxOperationsPerConnection})"));
            return;
        }

        var operation = new WebSocketOperation(id, this);
        try
        {
            operation.Prepare(request);
        }
        catch (Exception exception)
        {
            LogPrepareFailed(_logger, exception, id);
            _ = operation.AbandonAsync().AsTask();
            Send(ServerMessages.Error(id, "Internal server error"));
            return;
        }

        _operations[id] = operation;
        _ = Task.Run(operation.RunAsync);
    }

    private async Task StopAllOperationsAsync()
    {
        foreach (var id in _operations.Keys)
        {
            if (_operations.TryRemove(id, out var operation))
            {
                await operation.StopAsync().ConfigureAwait(false);
            }
        }
    }

    private async Task CloseUnlessAcknowledgedAsync()
    {
        if (_options.ConnectionInitTimeout == Timeout.InfiniteTimeSpan)
        {
            return;
        }

        try
        {
            await Task.Delay(_options.ConnectionInitTimeout, _closing.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        if (!_acknowledged)
        {
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.ConnectionInitialisationTimeout, "Connection initialisation timeout");
        }
    }

    private async Task WriteLoopAsync()
    {
        var reader = _outgoing.Reader;
        try
        {
            while (await reader.WaitToReadAsync(_closing.Token).ConfigureAwait(false))
            {
                while (!_closing.IsCancellationRequested && reader.TryRead(out var message))
                {
                    await SendNowAsync(message).ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_closing.IsCancellationRequested)
        {
            // Closing: pending messages are dropped, only the close frame follows.
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
        {
            LogSocketFailed(_logger, exception);
            _abort.Cancel();
            return;
        }

        await SendCloseAsync().ConfigureAwait(false);
    }

    private async Task SendNowAsync(OperationMessage message)
    {
        using var buffer = new MemoryStream();
        try
        {
            await _serializer.WriteAsync(buffer, message, _abort.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            LogSerializationFailed(_logger, exception, message.Type ?? "?");
            RequestClose((WebSocketCloseStatus)GraphQLWebSocketCloseCodes.InternalServerError, "Internal server error");
            return;
        }

        await _socket.SendAsync(buffer.GetBuffer().AsMemory(0, (int)buffer.Length), WebSocketMessageType.Text, true, _abort.Token)
            .ConfigureAwait(false);
    }

    private async Task SendCloseAsync()
    {
        if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            try
            {
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(_abort.Token);
                timeout.CancelAfter(_options.CloseTimeout);
                await _socket.CloseOutputAsync(_closeStatus, _closeDescription, timeout.Token).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is WebSocketException or OperationCanceledException or IOException or ObjectDisposedException)
            {
                _abort.Cancel();
                return;
            }
        }

        // Bound the wait for the client's close frame.
        _abort.CancelAfter(_options.CloseTimeout);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "GraphQL WebSocket client fell {Limit} messages behind; closing the socket.")]
    private static partial void LogClientTooSlow(ILogger logger, int limit);

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL WebSocket failed; the client is gone.")]
    private static partial void LogSocketFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The GraphQL WebSocket authenticator threw; closing the socket with 4500.")]
    private static partial void LogAuthenticatorFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not prepare GraphQL WebSocket operation '{Id}' (schema or IConfigureGraphQLHttpExecution hook failed).")]
    private static partial void LogPrepareFailed(ILogger logger, Exception exception, string id);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not serialize a GraphQL WebSocket '{Type}' message; closing the socket with 4500.")]
    private static partial void LogSerializationFailed(ILogger logger, Exception exception, string type);
}
