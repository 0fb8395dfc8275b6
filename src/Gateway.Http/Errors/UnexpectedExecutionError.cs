using GraphQL;

namespace Gateway.Http.Errors;

/// <summary>
/// Stands in for an exception no resolver meant to show the client: the client sees a generic message and the
/// trace id under which the exception was logged; <see cref="TransportErrorInfoProvider"/> decides what else.
/// </summary>
internal sealed class UnexpectedExecutionError : ExecutionError
{
    public const string ErrorMessage = "Unexpected Execution Error";
    public const string ErrorCode = "UNEXPECTED_EXECUTION_ERROR";

    public UnexpectedExecutionError(string traceId, Exception exception)
        : base(ErrorMessage, exception)
    {
        TraceId = traceId;
        Code = ErrorCode;
    }

    public string TraceId { get; }
}
