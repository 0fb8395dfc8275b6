using Microsoft.AspNetCore.Http;

namespace Gateway.Http.Transport;

/// <summary>
/// A request the transport refuses before execution: not well-formed, too large, of the wrong method or media type.
/// The handler answers it with <see cref="StatusCode"/> and a GraphQL error carrying <see cref="Code"/>.
/// </summary>
internal sealed class RequestException(int statusCode, string code, string message) : Exception(message)
{
    public int StatusCode { get; } = statusCode;

    public string Code { get; } = code;

    public static RequestException Invalid(string message) =>
        new(StatusCodes.Status400BadRequest, "INVALID_REQUEST", message);
}
