using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Cors;

/// <summary>
/// CORS does not cover WebSockets: a browser opens a socket to any origin and only reports its own in <c>Origin</c>.
/// This refuses, with 403, an upgrade from a page of an origin the CORS policy does not allow, so that the socket
/// and the HTTP endpoint admit the same pages. Requests without <c>Origin</c> (not from a browser) and same-origin
/// pages (the IDE the gateway serves) pass.
/// </summary>
internal sealed class WebSocketOriginMiddleware(RequestDelegate next, ICorsPolicyProvider policies)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (IsWebSocketUpgrade(context)
            && context.Request.Headers[HeaderNames.Origin].ToString() is { Length: > 0 } origin
            && !IsSameOrigin(context.Request, origin)
            && await policies.GetPolicyAsync(context, GraphQLCorsOptions.PolicyName).ConfigureAwait(false) is { } policy
            && !policy.IsOriginAllowed(origin))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }

        await next(context).ConfigureAwait(false);
    }

    /// <summary>
    /// Read from the request itself: this runs before the WebSocket middleware, so
    /// <c>HttpContext.WebSockets.IsWebSocketRequest</c> does not know yet (HTTP/1.1 Upgrade, or HTTP/2's extended CONNECT).
    /// </summary>
    private static bool IsWebSocketUpgrade(HttpContext context) =>
        context.Request.Headers.Upgrade.ToString().Contains("websocket", StringComparison.OrdinalIgnoreCase)
        || context.Features.Get<IHttpExtendedConnectFeature>() is { IsExtendedConnect: true, Protocol: var protocol }
            && string.Equals(protocol, "websocket", StringComparison.OrdinalIgnoreCase);

    private static bool IsSameOrigin(HttpRequest request, string origin) =>
        string.Equals(origin, $"{request.Scheme}://{request.Host.Value}", StringComparison.OrdinalIgnoreCase);
}
