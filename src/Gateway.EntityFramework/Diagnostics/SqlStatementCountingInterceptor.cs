using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.EntityFramework.Diagnostics;

/// <summary>Feeds every executed command to <see cref="SqlStatementCounter"/>. Add it with <c>AddSqlStatementCounting()</c>.</summary>
public sealed class SqlStatementCountingInterceptor : DbCommandInterceptor
{
    /// <summary>The shared, stateless instance.</summary>
    public static SqlStatementCountingInterceptor Instance { get; } = new();

    /// <inheritdoc/>
    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return ValueTask.FromResult(result);
    }

    /// <inheritdoc/>
    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return result;
    }

    /// <inheritdoc/>
    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        SqlStatementCounter.Record(eventData.Context, command.CommandText);
        return ValueTask.FromResult(result);
    }
}
