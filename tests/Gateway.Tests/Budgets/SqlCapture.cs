using System.Collections.Concurrent;
using System.Data.Common;
using Gateway.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Tests.Budgets;

/// <summary>
/// Records the text of every SQL command the gateway's store runs while a recording is open. Added to the
/// store's DbContext options through <see cref="IStoreOptionsContributor"/>, so it sees the commands of every
/// context the request uses (resolvers, DataLoader batches). Recordings are serialized: one request at a time.
/// </summary>
public sealed class SqlCapture : DbCommandInterceptor, IStoreOptionsContributor
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);
    private ConcurrentQueue<string>? _current;

    public void Configure(DbContextOptionsBuilder options) => options.AddInterceptors(this);

    /// <summary>Runs <paramref name="action"/> and returns its result with the SQL it caused, in execution order.</summary>
    public async Task<(T Result, IReadOnlyList<string> Sql)> RecordAsync<T>(Func<Task<T>> action)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            var statements = new ConcurrentQueue<string>();
            Volatile.Write(ref _current, statements);
            try
            {
                var result = await action();
                return (result, [.. statements]);
            }
            finally
            {
                Volatile.Write(ref _current, null);
            }
        }
        finally
        {
            _oneAtATime.Release();
        }
    }

    private void Record(DbCommand command) => Volatile.Read(ref _current)?.Enqueue(command.CommandText);

    public override InterceptionResult<DbDataReader> ReaderExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<object> ScalarExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<object> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }

    public override InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        Record(command);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Record(command);
        return ValueTask.FromResult(result);
    }
}
