using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http.Transport;

/// <summary>
/// What makes a request object malformed beyond its JSON syntax: a parameter given twice (which one would win is
/// anyone's guess), a parameter no GraphQL-over-HTTP client sends, or a string the JSON reader accepts but cannot
/// turn into text (invalid UTF-8, a lone surrogate) or a map with duplicate keys. Each is a 400 with a GraphQL error,
/// never an exception escaping as a 500; the messages never echo the offending input.
/// </summary>
internal static class RequestObjectCheck
{
    /// <summary>The spec's parameters, and the ids persisted-operation clients send (Relay, GraphQL over HTTP's draft).</summary>
    private static readonly HashSet<string> KnownParameters = new(StringComparer.Ordinal)
    {
        "query", "operationName", "variables", "extensions", "documentId", "id", "doc_id",
    };

    public static void Validate(JsonElement request)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in request.EnumerateObject())
        {
            if (!KnownParameters.Contains(property.Name))
            {
                throw RequestException.Invalid(
                    "The request object has an unknown parameter; allowed are query, operationName, variables, extensions, documentId and id.");
            }

            if (!seen.Add(property.Name))
            {
                throw RequestException.Invalid($"The '{property.Name}' parameter is given more than once.");
            }
        }
    }

    /// <summary>Exceptions of System.Text.Json and GraphQL.NET's reader that mean the client sent an unreadable value.</summary>
    public static bool IsMalformedValue(Exception exception) =>
        exception is InvalidOperationException or ArgumentException or FormatException or JsonException or NotSupportedException
        && exception is not RequestException;

    public static RequestException MalformedValue(string parameter) => new(
        StatusCodes.Status400BadRequest,
        "INVALID_JSON",
        $"The '{parameter}' parameter holds a value that cannot be read: invalid UTF-8, a lone surrogate, a duplicate key or a number out of range.");
}
