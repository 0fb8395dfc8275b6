using System.Diagnostics;
using System.Diagnostics.Metrics;
using GraphQL;
using GraphQL.DI;
using GraphQLParser.AST;

namespace Gateway.Http.Telemetry;

/// <summary>
/// Operation metrics on the meter <see cref="MeterName"/>: <c>graphql.server.operation.duration</c> (seconds,
/// by operation type and name) and <c>graphql.server.operation.errors</c> (errors, by code). Operation names come
/// from clients, so an unnamed operation is recorded as <c>(anonymous)</c> and names are capped in length.
/// </summary>
public sealed class GraphQLOperationMetrics : IConfigureExecution
{
    /// <summary>The meter's name, to add to a metrics provider.</summary>
    public const string MeterName = "Gateway.GraphQL";

    private const int MaxNameLength = 100;
    private static readonly Meter s_meter = new(MeterName);
    private static readonly Histogram<double> s_duration = s_meter.CreateHistogram<double>(
        "graphql.server.operation.duration", "s", "Duration of GraphQL operations, from parsing to the result.");
    private static readonly Counter<long> s_errors = s_meter.CreateCounter<long>(
        "graphql.server.operation.errors", "{error}", "GraphQL errors in operation results, by code.");

    /// <summary>Outside every other configuration, so that the whole execution is measured.</summary>
    public float SortOrder => -1000;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var started = Stopwatch.GetTimestamp();
        var result = await next(options).ConfigureAwait(false);
        var operation = result.Operation;
        var type = operation?.Operation switch
        {
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            OperationType.Query => "query",
            _ => "unknown",
        };
        var name = operation?.Name?.StringValue ?? options.OperationName ?? "(anonymous)";
        if (name.Length > MaxNameLength)
        {
            name = name[..MaxNameLength];
        }

        var tags = new TagList { { "graphql.operation.type", type }, { "graphql.operation.name", name } };
        s_duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
        foreach (var error in result.Errors ?? [])
        {
            s_errors.Add(1, new TagList { { "graphql.operation.type", type }, { "graphql.error.code", error.Code ?? "UNKNOWN" } });
        }

        return result;
    }
}
