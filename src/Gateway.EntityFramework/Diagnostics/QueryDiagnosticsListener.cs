using System.Diagnostics;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace Gateway.EntityFramework.Diagnostics;

/// <summary>
/// Logs each GraphQL operation at Debug: its name, duration and SQL statement count (structured), and tags the
/// operation's trace span (when one is recording) with the statement count.
/// </summary>
public sealed partial class QueryDiagnosticsListener(ILogger<QueryDiagnosticsListener> logger) : DocumentExecutionListenerBase
{
    /// <summary>Span tag: the SQL statements the operation ran.</summary>
    public const string StatementCountTag = "db.statement.count";

    private const string StartedKey = "Gateway.EntityFramework.Started";

    /// <inheritdoc/>
    public override Task BeforeExecutionAsync(IExecutionContext context)
    {
        context.UserContext[StartedKey] = Stopwatch.GetTimestamp();
        SqlStatementCounter.ForRequest(context);
        return Task.CompletedTask;
    }

    /// <inheritdoc/>
    public override Task AfterExecutionAsync(IExecutionContext context)
    {
        if (Activity.Current is { IsAllDataRequested: true } span)
        {
            span.SetTag(StatementCountTag, SqlStatementCounter.ForRequest(context).Count);
        }

        if (logger.IsEnabled(LogLevel.Debug) && context.UserContext.TryGetValue(StartedKey, out var started) && started is long timestamp)
        {
            Log(logger, context.Operation.Name?.StringValue ?? "(anonymous)", Stopwatch.GetElapsedTime(timestamp).TotalMilliseconds,
                SqlStatementCounter.ForRequest(context).Count);
        }

        return Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "GraphQL operation {OperationName} took {DurationMs:F1} ms and ran {SqlStatements} SQL statements")]
    private static partial void Log(ILogger logger, string operationName, double durationMs, int sqlStatements);
}
