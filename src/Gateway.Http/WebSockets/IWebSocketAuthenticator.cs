using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http.WebSockets;

/// <summary>
/// Decides who a GraphQL WebSocket connection acts as, from its <c>connection_init</c> payload
/// (browsers cannot set headers on a WebSocket, so tokens travel there, e.g.
/// <c>{ "authorization": "Bearer &lt;jwt&gt;" }</c>).
/// </summary>
/// <remarks>
/// Called once per socket, before <c>connection_ack</c>. The default implementation returns
/// <see cref="HttpContext.User"/> (whatever the authentication middleware established for the
/// upgrade request). Register your own as a singleton or scoped service to replace it.
/// </remarks>
public interface IWebSocketAuthenticator
{
    /// <summary>Authenticates a connection.</summary>
    /// <param name="httpContext">The upgrade request's context (headers, query string, services).</param>
    /// <param name="payload">The <c>connection_init</c> payload, an object, or <see langword="null"/> when absent.</param>
    /// <param name="cancellationToken">Cancelled when the client goes away or the server shuts down.</param>
    /// <returns>
    /// The principal used as <c>ExecutionOptions.User</c> for every operation of the socket
    /// (an unauthenticated <see cref="ClaimsPrincipal"/> lets anonymous callers in), or
    /// <see langword="null"/> to refuse the connection with close code 4403 Forbidden.
    /// </returns>
    ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken);
}
