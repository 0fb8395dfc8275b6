using System.Security.Claims;
using System.Text.Json;
using Gateway.Http.WebSockets;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>
/// Reads <c>{ "token": "&lt;name&gt;" }</c>: "reject" is refused, "throw" throws, any other name
/// signs in as that name, and no token is anonymous.
/// </summary>
public sealed class TokenAuthenticator : IWebSocketAuthenticator
{
    public ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken)
    {
        if (payload is not { } body || !body.TryGetProperty("token", out var tokenElement) || tokenElement.GetString() is not { } token)
        {
            return ValueTask.FromResult<ClaimsPrincipal?>(new ClaimsPrincipal(new ClaimsIdentity()));
        }

        return token switch
        {
            "reject" => ValueTask.FromResult<ClaimsPrincipal?>(null),
            "throw" => throw new InvalidOperationException("authenticator failure"),
            _ => ValueTask.FromResult<ClaimsPrincipal?>(new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, token)], "test"))),
        };
    }
}
