using GraphQL;
using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Keeps at most <see cref="GraphQLLimitsOptions.MaxErrors"/> errors in a result and adds one saying how many were
/// left out: validation can report an error per pair of conflicting fields, and a response must stay small. The
/// outermost execution step (lowest sort order), so it sees every error, over HTTP and WebSocket alike.
/// </summary>
internal sealed class ErrorLimit(IOptions<GraphQLLimitsOptions> options) : IConfigureExecution
{
    public const string Code = "ERRORS_OMITTED";

    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var result = await next(executionOptions).ConfigureAwait(false);
        var max = options.Value.MaxErrors;
        if (result.Errors is { } errors && errors.Count > max)
        {
            var omitted = errors.Count - max;
            var kept = new ExecutionErrors();
            foreach (var error in errors.Take(max))
            {
                kept.Add(error);
            }

            var summary = new ExecutionError($"{omitted} more errors were left out of this response (at most {max} are sent).") { Code = Code };
            summary.AddExtension("omitted", omitted);
            kept.Add(summary);
            result.Errors = kept;
        }

        return result;
    }
}
