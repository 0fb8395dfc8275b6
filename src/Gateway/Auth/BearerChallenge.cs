using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth;

/// <summary>
/// Answers a failed or missing bearer token with 401 and a GraphQL-shaped body
/// (<c>{"errors":[{"message":…,"extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}</c>) so GraphQL clients can read it.
/// </summary>
internal static class BearerChallenge
{
    public static async Task WriteAsync(JwtBearerChallengeContext context)
    {
        // Replaces the handler's empty 401 with one that says why.
        context.HandleResponse();
        var response = context.Response;
        if (response.HasStarted)
        {
            return;
        }
        response.StatusCode = StatusCodes.Status401Unauthorized;
        response.Headers.WWWAuthenticate = context.AuthenticateFailure is null
            ? "Bearer"
            : "Bearer error=\"invalid_token\"";
        response.ContentType = "application/json; charset=utf-8";
        var body = new
        {
            errors = new[]
            {
                new
                {
                    message = Describe(context.AuthenticateFailure),
                    extensions = new { code = AuthorizationErrors.NotAuthenticatedCode },
                },
            },
        };
        await JsonSerializer.SerializeAsync(response.Body, body, cancellationToken: context.HttpContext.RequestAborted);
    }

    internal static string Describe(Exception? failure) => failure switch
    {
        null => "Authentication is required: send a valid bearer token in the Authorization header.",
        SecurityTokenExpiredException expired =>
            $"The bearer token expired at {expired.Expires:O}. Request a new token.",
        SecurityTokenNotYetValidException => "The bearer token is not valid yet.",
        SecurityTokenSignatureKeyNotFoundException or SecurityTokenInvalidSignatureException =>
            "The bearer token's signature is invalid.",
        SecurityTokenInvalidIssuerException => "The bearer token was issued by an issuer this gateway does not accept.",
        SecurityTokenInvalidAudienceException => "The bearer token is meant for another audience.",
        SecurityTokenInvalidAlgorithmException => "The bearer token is signed with an algorithm this gateway does not accept.",
        SecurityTokenNoExpirationException => "The bearer token has no expiry.",
        SecurityTokenMalformedException or ArgumentException => "The bearer token is malformed.",
        _ => "The bearer token is invalid.",
    };
}
