using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Diagnostics;

/// <summary>
/// Counts (and keeps the text of) the SQL statements run for one GraphQL request or one test scope.
/// Fed by <see cref="SqlStatementCountingInterceptor"/>, the one place statements are counted; a request's counter lives
/// in its user context. <see cref="SqlStatementRecorder"/> counts a whole store into one as well.
/// </summary>
public sealed class SqlStatementCounter
{
    private const string UserContextKey = "Gateway.EntityFramework.SqlStatementCounter";
    private static readonly AsyncLocal<SqlStatementCounter?> _ambient = new();
    private static readonly ConditionalWeakTable<DbContext, SqlStatementCounter> _attached = new();
    private readonly ConcurrentQueue<string> _statements = new();
    private int _count;

    /// <summary>Statements counted so far.</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>The SQL text of the statements, in execution order.</summary>
    public IReadOnlyList<string> Statements => [.. _statements];

    /// <summary>
    /// Starts counting every statement run in the current async flow (e.g. around a test's
    /// <c>DocumentExecuter.ExecuteAsync</c>) until the scope is disposed.
    /// </summary>
    public static SqlStatementScope BeginScope()
    {
        var counter = new SqlStatementCounter();
        var previous = _ambient.Value;
        _ambient.Value = counter;
        return new SqlStatementScope(counter, () => _ambient.Value = previous);
    }

    /// <summary>The counter of the request that owns <paramref name="userContext"/>, created on first use.</summary>
    public static SqlStatementCounter ForRequest(IProvideUserContext userContext) => ForRequest(userContext.UserContext);

    /// <summary>The counter kept in a request's user context (<c>ExecutionOptions.UserContext</c>), created on first use.</summary>
    public static SqlStatementCounter ForRequest(IDictionary<string, object?> userContext)
    {
        lock (userContext)
        {
            if (userContext.TryGetValue(UserContextKey, out var existing) && existing is SqlStatementCounter counter)
            {
                return counter;
            }

            counter = new SqlStatementCounter();
            userContext[UserContextKey] = counter;
            return counter;
        }
    }

    /// <summary>Counts the statements <paramref name="db"/> runs towards the request of <paramref name="userContext"/> (for DbContexts created outside the engine, e.g. in DataLoaders).</summary>
    public static void Attach(DbContext db, IProvideUserContext userContext) =>
        _attached.AddOrUpdate(db, ForRequest(userContext));

    /// <summary>Stops counting <paramref name="db"/>'s statements (before a pooled context goes back to its pool).</summary>
    public static void Detach(DbContext db) => _attached.Remove(db);

    internal static void Record(DbContext? db, string commandText)
    {
        _ambient.Value?.Add(commandText);
        if (db is not null && _attached.TryGetValue(db, out var counter))
        {
            counter.Add(commandText);
        }
    }

    internal void Add(string commandText)
    {
        _statements.Enqueue(commandText);
        Interlocked.Increment(ref _count);
    }
}

/// <summary>An active <see cref="SqlStatementCounter.BeginScope"/>; dispose to stop counting.</summary>
public sealed class SqlStatementScope : IDisposable
{
    private readonly Action _end;

    internal SqlStatementScope(SqlStatementCounter counter, Action end)
    {
        Counter = counter;
        _end = end;
    }

    /// <summary>The statements counted in this scope.</summary>
    public SqlStatementCounter Counter { get; }

    /// <inheritdoc/>
    public void Dispose() => _end();
}
