using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.EntityFramework.Diagnostics;

/// <summary>
/// Feeds every executed command to <see cref="SqlStatementCounter"/> (the request's and the async flow's counters) and,
/// when given one, to a <see cref="SqlStatementRecorder"/> of the whole store. Add it with <c>AddSqlStatementCounting()</c>.
/// </summary>
/// <param name="recorder">Records every statement of the contexts using this instance; null for none.</param>
public sealed class SqlStatementCountingInterceptor(SqlStatementRecorder? recorder = null) : DbCommandInterceptor
{
    /// <summary>The shared instance without a recorder.</summary>
    public static SqlStatementCountingInterceptor Instance { get; } = new();

    /// <inheritdoc/>
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(eventData, command);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(eventData, command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(eventData, command);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(eventData, command);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(eventData, command);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(eventData, command);
        return ValueTask.FromResult(result);
    }

    private void Record(CommandEventData eventData, DbCommand command)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        recorder?.Record(command.CommandText);
    }
}
