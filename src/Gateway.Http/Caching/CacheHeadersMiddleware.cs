using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Caching;

/// <summary>
/// Sets <c>Cache-Control</c> as the response starts: <c>no-store</c> on every response to a request that carries
/// credentials (its data may be that caller's own, and no browser or proxy cache may keep it), and
/// <c>public, max-age</c> on an anonymous <c>GET</c> of a persisted operation that ran cleanly (a JSON answer, not an
/// event stream), when configured.
/// </summary>
internal sealed class CacheHeadersMiddleware(RequestDelegate next, IOptions<GraphQLCacheControlOptions> options)
{
    private readonly int _persistedMaxAge = options.Value.PersistedQueryMaxAgeSeconds;

    public Task InvokeAsync(HttpContext context)
    {
        context.Response.OnStarting(static state =>
        {
            var (context, maxAge) = ((HttpContext, int))state;
            SetHeaders(context, maxAge);
            return Task.CompletedTask;
        }, (context, _persistedMaxAge));
        return next(context);
    }

    private static void SetHeaders(HttpContext context, int persistedMaxAge)
    {
        var request = context.Request;
        var headers = context.Response.Headers;
        if (request.Headers.ContainsKey(HeaderNames.Authorization) || request.Headers.ContainsKey(HeaderNames.Cookie))
        {
            headers.CacheControl = "no-store";
            return;
        }

        if (persistedMaxAge > 0
            && HttpMethods.IsGet(request.Method)
            && context.Response.StatusCode == StatusCodes.Status200OK
            && context.Response.ContentType?.StartsWith("text/event-stream", StringComparison.OrdinalIgnoreCase) != true
            && context.Features.Get<GraphQLHttpExecutionFeature>() is { } execution
            && execution.Request.Query is null
            && execution.Result.Executed
            && execution.Result.Errors is not { Count: > 0 })
        {
            headers.CacheControl = $"public, max-age={persistedMaxAge}";
            // The endpoint picks the media type from Accept (and compression the encoding from Accept-Encoding).
            headers.Append(HeaderNames.Vary, HeaderNames.Accept);
        }
    }
}
