using GraphQL;
using GraphQL.Execution;

namespace Gateway.Http.Errors;

/// <summary>
/// Serializes <see cref="UnexpectedExecutionError"/>s itself, so that neither the exception's message nor its
/// type (the default provider derives <c>codes</c> from it) reach the client unless details are exposed, and
/// hands every other error to the host's provider, which adds <c>extensions.code</c>.
/// </summary>
internal sealed class TransportErrorInfoProvider(IErrorInfoProvider inner, bool exposeExceptionDetails) : IErrorInfoProvider
{
    public ErrorInfo GetInfo(ExecutionError executionError)
    {
        if (executionError is not UnexpectedExecutionError unexpected)
        {
            return inner.GetInfo(executionError);
        }

        var extensions = new Dictionary<string, object?>
        {
            ["code"] = UnexpectedExecutionError.ErrorCode,
            ["traceId"] = unexpected.TraceId,
        };
        if (exposeExceptionDetails && unexpected.InnerException is { } exception)
        {
            extensions["exception"] = new Dictionary<string, object?>
            {
                ["type"] = exception.GetType().FullName,
                ["message"] = exception.Message,
                ["stackTrace"] = exception.ToString(),
            };
        }

        return new ErrorInfo { Message = unexpected.Message, Extensions = extensions };
    }
}
