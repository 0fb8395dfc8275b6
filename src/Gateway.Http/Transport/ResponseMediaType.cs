using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace Gateway.Http.Transport;

/// <summary>The two media types a GraphQL response is written in, and the choice between them from <c>Accept</c>.</summary>
internal enum ResponseMediaType
{
    /// <summary><c>application/json</c>: the legacy type; request errors are <c>200</c> (GraphQL over HTTP, "application/json").</summary>
    Json,

    /// <summary><c>application/graphql-response+json</c>: a request that fails before execution is <c>4xx</c>.</summary>
    GraphQLResponseJson,
}

internal static class ResponseMediaTypes
{
    public const string Json = "application/json";
    public const string GraphQLResponseJson = "application/graphql-response+json";

    public static string ContentType(this ResponseMediaType mediaType) => mediaType switch
    {
        ResponseMediaType.GraphQLResponseJson => GraphQLResponseJson + "; charset=utf-8",
        _ => Json + "; charset=utf-8",
    };

    /// <summary>
    /// Picks the response type from <c>Accept</c>: the acceptable type of highest quality, an explicit type before a
    /// wildcard and <c>application/graphql-response+json</c> on a tie. No <c>Accept</c>, <c>*/*</c> and
    /// <c>application/*</c> give <c>application/json</c>; <see langword="null"/> means nothing acceptable (406).
    /// </summary>
    public static ResponseMediaType? Negotiate(HttpRequest request)
    {
        var accept = request.Headers.Accept;
        if (accept.Count == 0 || !MediaTypeHeaderValue.TryParseList(accept, out var values))
        {
            return ResponseMediaType.Json;
        }

        ResponseMediaType? best = null;
        var bestRank = (Quality: 0.0, Explicit: false, Preferred: false);
        foreach (var value in values)
        {
            var quality = value.Quality ?? 1.0;
            if (quality <= 0 || (value.Charset.HasValue && !GraphQLRequestReader.IsUtf8(value.Charset.Value)))
            {
                continue;
            }

            var mediaType = value.MediaType.Value;
            (ResponseMediaType Type, bool Explicit)? candidate = mediaType switch
            {
                _ when Is(mediaType, GraphQLResponseJson) => (ResponseMediaType.GraphQLResponseJson, true),
                _ when Is(mediaType, Json) => (ResponseMediaType.Json, true),
                _ when Is(mediaType, "application/*") || Is(mediaType, "*/*") => (ResponseMediaType.Json, false),
                _ => null,
            };
            if (candidate is not { } found)
            {
                continue;
            }

            var rank = (quality, found.Explicit, found.Type == ResponseMediaType.GraphQLResponseJson);
            if (best is null || rank.CompareTo(bestRank) > 0)
            {
                best = found.Type;
                bestRank = rank;
            }
        }

        return best;
    }

    /// <summary>Whether the client takes HTML (a browser navigating to the endpoint).</summary>
    public static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var values)
        && values.Any(value => Is(value.MediaType.Value, "text/html") && (value.Quality ?? 1.0) > 0);

    private static bool Is(string? mediaType, string expected) =>
        string.Equals(mediaType, expected, StringComparison.OrdinalIgnoreCase);
}
