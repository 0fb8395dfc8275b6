using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Diagnostics;

/// <summary>
/// Counts the SQL statements (database commands) each HTTP request executes and reports the count in the
/// <c>X-Sql-Statements</c> response header. Off unless <c>Diagnostics:CountSqlStatements</c> is true: the
/// chattiness benchmark turns it on to compare REST flows with GraphQL screens.
/// </summary>
/// <remarks>
/// It listens to EF Core's <see cref="DiagnosticListener"/> events rather than registering a
/// <c>DbCommandInterceptor</c>, because the store's pooled context options are built before the REST API is
/// mapped and this needs no line of its own in Program.cs. Commands run by any context of the request
/// (resolvers in parallel, DataLoader batches) are counted, since the counter flows with the request's
/// execution context.
/// </remarks>
public static class SqlStatementCounting
{
    public const string ConfigurationKey = "Diagnostics:CountSqlStatements";
    public const string HeaderName = "X-Sql-Statements";

    private static readonly AsyncLocal<StatementCount?> s_current = new();
    private static readonly Lock s_subscribeLock = new();
    private static IDisposable? s_subscription;

    /// <summary>Adds the middleware that counts each request's statements into <see cref="HeaderName"/>.</summary>
    public static IApplicationBuilder UseSqlStatementCounting(this IApplicationBuilder app)
    {
        EnsureSubscribed();
        return app.Use(async (context, next) =>
        {
            var count = new StatementCount();
            s_current.Value = count;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers[HeaderName] = count.Value.ToString(CultureInfo.InvariantCulture);
                return Task.CompletedTask;
            });
            await next(context);
        });
    }

    // One subscription for the process: several hosts in one test run must not count each command twice.
    private static void EnsureSubscribed()
    {
        lock (s_subscribeLock)
        {
            s_subscription ??= DiagnosticListener.AllListeners.Subscribe(new ListenerObserver());
        }
    }

    private sealed class StatementCount
    {
        private int _value;

        public int Value => Volatile.Read(ref _value);

        public void Increment() => Interlocked.Increment(ref _value);
    }

    private sealed class ListenerObserver : IObserver<DiagnosticListener>
    {
        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name)
            {
                listener.Subscribe(new CommandObserver(), IsCommandExecuting);
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private sealed class CommandObserver : IObserver<KeyValuePair<string, object?>>
    {
        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (IsCommandExecuting(value.Key))
            {
                s_current.Value?.Increment();
            }
        }

        public void OnCompleted()
        {
        }

        public void OnError(Exception error)
        {
        }
    }

    private static bool IsCommandExecuting(string eventName) => eventName == RelationalEventId.CommandExecuting.Name;
}
