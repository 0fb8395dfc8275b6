using GraphQL;
using GraphQL.DI;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Keeps at most <see cref="GraphQLLimitsOptions.MaxErrors"/> errors in a response and adds one saying how many were
/// left out: validation can report an error per pair of conflicting fields, and a response must stay small. The
/// outermost execution step (lowest sort order), so it sees every error, over HTTP and WebSocket alike. The entries
/// of an HTTP batch share one budget: the transport caps them together once the batch has run (<see cref="Apply"/>).
/// </summary>
internal sealed class ErrorLimit(IOptions<GraphQLLimitsOptions> options, IHttpContextAccessor http) : IConfigureExecution
{
    public const string Code = "ERRORS_OMITTED";

    private static readonly object BatchKey = new();

    public float SortOrder => 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions executionOptions, ExecutionDelegate next)
    {
        var result = await next(executionOptions).ConfigureAwait(false);
        if (http.HttpContext?.Items.ContainsKey(BatchKey) != true)
        {
            Apply([result], options.Value.MaxErrors);
        }

        return result;
    }

    /// <summary>Says that <paramref name="http"/> carries a batch, whose results the transport caps as a whole.</summary>
    public static void BeginBatch(HttpContext http) => http.Items[BatchKey] = true;

    /// <summary>
    /// Leaves at most <paramref name="max"/> errors across <paramref name="results"/>, plus one saying how many were
    /// left out, on the first result that lost any. Each result that had errors keeps its first (so that a result
    /// without data still says why), then the rest of the budget goes to the results in order.
    /// </summary>
    public static void Apply(IReadOnlyList<ExecutionResult> results, int max)
    {
        var total = results.Sum(result => result.Errors?.Count ?? 0);
        if (total <= max)
        {
            return;
        }

        var kept = new int[results.Count];
        var budget = max;
        for (var i = 0; i < results.Count && budget > 0; i++)
        {
            if (results[i].Errors?.Count > 0)
            {
                kept[i] = 1;
                budget--;
            }
        }

        for (var i = 0; i < results.Count && budget > 0; i++)
        {
            var more = Math.Min((results[i].Errors?.Count ?? 0) - kept[i], budget);
            kept[i] += more;
            budget -= more;
        }

        var summarized = false;
        for (var i = 0; i < results.Count; i++)
        {
            if (results[i].Errors is not { } errors || errors.Count == kept[i])
            {
                continue;
            }

            var remaining = new ExecutionErrors();
            foreach (var error in errors.Take(kept[i]))
            {
                remaining.Add(error);
            }

            if (!summarized)
            {
                var omitted = total - max;
                var summary = new ExecutionError($"{omitted} more errors were left out of this response (at most {max} are sent).") { Code = Code };
                summary.AddExtension("omitted", omitted);
                remaining.Add(summary);
                summarized = true;
            }

            results[i].Errors = remaining.Count == 0 ? null : remaining; // only when there are more results than max
        }
    }
}
