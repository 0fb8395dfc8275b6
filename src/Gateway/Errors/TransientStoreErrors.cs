using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gateway.Errors;

/// <summary>
/// Retries a store write that lost a race: for SQLite's single write lock (the connection's busy timeout already
/// queues writers; this covers a busy error while upgrading a read to a write, or a lock held past the timeout),
/// and for PostgreSQL's deadlock and serialization failures, which the server resolves by failing one transaction.
/// A bounded, jittered backoff, so the caller gets an answer instead of "database is locked".
/// </summary>
internal static class TransientStoreErrors
{
    private const int MaxAttempts = 6;
    private static readonly TimeSpan BaseDelay = TimeSpan.FromMilliseconds(25);

    public static async Task<T> RetryAsync<T>(Func<CancellationToken, Task<T>> write, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write(cancellationToken);
            }
            catch (Exception exception) when (attempt < MaxAttempts && IsTransient(exception))
            {
                var delay = BaseDelay * Math.Pow(2, attempt - 1);
                await Task.Delay(delay + TimeSpan.FromMilliseconds(Random.Shared.Next(0, 25)), cancellationToken);
            }
        }
    }

    /// <summary>SQLITE_BUSY / SQLITE_LOCKED; PostgreSQL's serialization_failure (40001) / deadlock_detected (40P01).</summary>
    public static bool IsTransient(Exception exception) =>
        SqliteErrorOf(exception) is { SqliteErrorCode: 5 or 6 }
        || PostgresErrorOf(exception) is { SqlState: PostgresErrorCodes.SerializationFailure or PostgresErrorCodes.DeadlockDetected };

    /// <summary>True when a unique index or primary key refused the write (SQLITE_CONSTRAINT_UNIQUE / _PRIMARYKEY; 23505).</summary>
    public static bool IsUniqueViolation(Exception exception) =>
        SqliteErrorOf(exception) is { SqliteExtendedErrorCode: 2067 or 1555 }
        || PostgresErrorOf(exception) is { SqlState: PostgresErrorCodes.UniqueViolation };

    /// <summary>True when a foreign key refused the write (SQLITE_CONSTRAINT_FOREIGNKEY; 23503).</summary>
    public static bool IsForeignKeyViolation(Exception exception) =>
        SqliteErrorOf(exception) is { SqliteExtendedErrorCode: 787 }
        || PostgresErrorOf(exception) is { SqlState: PostgresErrorCodes.ForeignKeyViolation };

    private static SqliteException? SqliteErrorOf(Exception exception) => exception switch
    {
        SqliteException sqlite => sqlite,
        DbUpdateException { InnerException: SqliteException sqlite } => sqlite,
        _ => exception.InnerException as SqliteException,
    };

    private static PostgresException? PostgresErrorOf(Exception exception) => exception switch
    {
        PostgresException postgres => postgres,
        _ => exception.InnerException as PostgresException,
    };
}
