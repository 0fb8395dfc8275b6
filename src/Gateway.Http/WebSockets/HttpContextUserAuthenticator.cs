using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http.WebSockets;

/// <summary>The default authenticator: the socket acts as whoever the upgrade request was authenticated as.</summary>
internal sealed class HttpContextUserAuthenticator : IWebSocketAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken) =>
        ValueTask.FromResult<ClaimsPrincipal?>(httpContext.User);
}
