using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Net.Http.Headers;

namespace Gateway.Auth;

/// <summary>
/// Anonymous requests pass (the schema decides per field), but a request that sends an Authorization header
/// the gateway cannot accept is answered 401: silently treating a broken or expired token as anonymous
/// would hand clients null fields instead of telling them to sign in again.
/// </summary>
internal sealed class RejectInvalidBearerMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!context.Request.Headers.ContainsKey(HeaderNames.Authorization))
        {
            await next(context);
            return;
        }
        var result = await context.AuthenticateAsync(JwtBearerDefaults.AuthenticationScheme);
        if (!result.Succeeded)
        {
            // With a non-bearer scheme or an empty token the handler reports no failure; the challenge then says "required".
            await context.ChallengeAsync(JwtBearerDefaults.AuthenticationScheme);
            return;
        }
        context.User = result.Principal;
        await next(context);
    }
}
