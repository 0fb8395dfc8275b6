using GraphQL.Validation;
using Microsoft.AspNetCore.Http;

namespace Gateway.Http.Limits;

/// <summary>
/// A request refused by a limit: a validation error (so nothing executes) with its own code and, where it helps the
/// client, the limit and the measured value in <c>extensions</c>. The message never echoes the client's input.
/// </summary>
internal sealed class LimitError : ValidationError
{
    public LimitError(string code, string message, double? limit = null, string? measuredName = null, double? measured = null)
        : base(message)
    {
        Code = code;
        if (limit is not null)
        {
            Extensions ??= new Dictionary<string, object?>();
            Extensions["limit"] = limit;
        }

        if (measuredName is not null)
        {
            Extensions ??= new Dictionary<string, object?>();
            Extensions[measuredName] = measured;
        }
    }

    /// <summary>The HTTP status the transport answers with when this error refuses the request.</summary>
    public int StatusCode { get; init; } = StatusCodes.Status400BadRequest;

    /// <summary>For <c>RATE_LIMITED</c>: when the client may try again.</summary>
    public TimeSpan? RetryAfter { get; init; }

    /// <summary>The rate-limit refusal among <paramref name="result"/>'s errors, if any (the transport answers 429).</summary>
    public static LimitError? RateLimited(GraphQL.ExecutionResult result) =>
        result.Errors?.OfType<LimitError>().FirstOrDefault(error => error.StatusCode == StatusCodes.Status429TooManyRequests);
}
