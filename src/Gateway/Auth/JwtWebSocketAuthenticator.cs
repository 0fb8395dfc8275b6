using System.Security.Claims;
using System.Text.Json;
using Gateway.Http.WebSockets;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;

namespace Gateway.Auth;

/// <summary>
/// Signs a GraphQL WebSocket in with the bearer token of its <c>connection_init</c> payload
/// (<c>{ "authorization": "Bearer &lt;jwt&gt;" }</c>; <c>Authorization</c> and <c>token</c> are accepted too), validated
/// exactly as the HTTP bearer handler validates a header: its token handlers and <c>TokenValidationParameters</c>.
/// No token: the socket is anonymous. A token that fails validation: the socket is refused (4403).
/// </summary>
public sealed class JwtWebSocketAuthenticator(IOptionsMonitor<JwtBearerOptions> bearerOptions) : IWebSocketAuthenticator
{
    private static readonly string[] TokenKeys = ["authorization", "Authorization", "token"];

    /// <inheritdoc />
    public async ValueTask<ClaimsPrincipal?> AuthenticateAsync(HttpContext httpContext, JsonElement? payload, CancellationToken cancellationToken)
    {
        if (!TryReadToken(payload, out var token))
        {
            return null;
        }
        if (token is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var options = bearerOptions.Get(JwtBearerDefaults.AuthenticationScheme);
        foreach (var handler in options.TokenHandlers)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var result = await handler.ValidateTokenAsync(token, options.TokenValidationParameters);
            if (result.IsValid && result.ClaimsIdentity is { } identity)
            {
                return new ClaimsPrincipal(identity);
            }
        }
        return null;
    }

    /// <summary>False when the payload offers a token in an unusable shape; <paramref name="token"/> is null when it offers none.</summary>
    private static bool TryReadToken(JsonElement? payload, out string? token)
    {
        token = null;
        if (payload is not { ValueKind: JsonValueKind.Object } fields)
        {
            return true;
        }
        foreach (var key in TokenKeys)
        {
            if (!fields.TryGetProperty(key, out var value) || value.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            if (value.ValueKind != JsonValueKind.String)
            {
                return false;
            }
            var text = value.GetString()!.Trim();
            if (text.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            {
                text = text["Bearer ".Length..].Trim();
            }
            // "Bearer " with nothing after it is a broken client, not an anonymous one.
            token = text;
            return text.Length > 0;
        }
        return true;
    }
}
