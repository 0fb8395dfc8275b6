using System.Net.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Gateway.Http.WebSockets;

/// <summary>
/// Takes WebSocket upgrade requests on the GraphQL path; every other request goes on down the
/// pipeline (to the HTTP transport), which is why this is middleware rather than an endpoint:
/// routing cannot tell an upgrade GET from a plain GET on the same path.
/// </summary>
internal sealed class GraphQLWebSocketMiddleware
{
    private readonly RequestDelegate _next;
    private readonly PathString _path;
    private readonly GraphQLWebSocketOptions _options;
    private readonly IHostApplicationLifetime _lifetime;
    private readonly ILogger _logger;

    public GraphQLWebSocketMiddleware(
        RequestDelegate next,
        PathString path,
        IOptions<GraphQLWebSocketOptions> options,
        IHostApplicationLifetime lifetime,
        ILogger<GraphQLWebSocketMiddleware> logger)
    {
        _next = next;
        _path = path;
        _options = options.Value;
        _lifetime = lifetime;
        _logger = logger;
    }

    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || !context.Request.Path.Equals(_path))
        {
            await _next(context).ConfigureAwait(false);
            return;
        }

        var offered = context.WebSockets.WebSocketRequestedProtocols.Contains(GraphQLWebSocketOptions.SubProtocol);
        using var socket = await context.WebSockets.AcceptWebSocketAsync(new WebSocketAcceptContext
        {
            SubProtocol = offered ? GraphQLWebSocketOptions.SubProtocol : null,
            KeepAliveInterval = _options.KeepAliveInterval,
            KeepAliveTimeout = _options.KeepAliveTimeout,
        }).ConfigureAwait(false);

        if (!offered)
        {
            // Accept then close, rather than refuse the upgrade, so the client learns why.
            await RejectAsync(socket, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        var services = context.RequestServices;
        var connection = new GraphQLWebSocketConnection(
            socket,
            context,
            _options,
            services.GetRequiredService<IGraphQLSerializer>(),
            services.GetRequiredService<IWebSocketAuthenticator>(),
            services.GetRequiredService<IServiceScopeFactory>(),
            _logger);
        await connection.RunAsync(_lifetime.ApplicationStopping).ConfigureAwait(false);
    }

    private async Task RejectAsync(WebSocket socket, CancellationToken requestAborted)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(requestAborted);
        timeout.CancelAfter(_options.CloseTimeout);
        try
        {
            await socket.CloseAsync(
                (WebSocketCloseStatus)GraphQLWebSocketCloseCodes.SubprotocolNotAcceptable,
                "Subprotocol not acceptable",
                timeout.Token).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is WebSocketException or OperationCanceledException)
        {
            // The client left without finishing the handshake; nothing to clean up.
        }
    }
}
