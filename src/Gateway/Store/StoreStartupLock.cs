using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Gateway.Store;

/// <summary>
/// Serialises the start-up migration and seeding of replicas sharing one store, so that an empty store is
/// migrated and seeded exactly once however many replicas start at the same moment: the first holder does the
/// work, the others wait, then find it done. Held for the whole of migrate + seed, released on dispose.
/// </summary>
internal sealed class StoreStartupLock(ILogger<StoreStartupLock> logger)
{
    /// <summary>The application-wide key of the PostgreSQL advisory lock ("storefront-init" in ASCII, truncated).</summary>
    internal const long AdvisoryLockKey = 0x73746f7265696e69;

    public async Task<IAsyncDisposable> AcquireAsync(StoreDbContext db, CancellationToken cancellationToken)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var held = db.Database.IsNpgsql()
            ? await AdvisoryLockAsync(db, cancellationToken)
            : await LockFileAsync(db.Database.GetConnectionString()!, cancellationToken);
        logger.LogInformation("Holding the store's start-up lock after waiting {ElapsedMs} ms", clock.ElapsedMilliseconds);
        return held;
    }

    /// <summary>
    /// A session-level advisory lock on a connection of its own: it outlives the migrations' transactions, and
    /// PostgreSQL releases it by itself if this process dies while holding it.
    /// </summary>
    private static async Task<IAsyncDisposable> AdvisoryLockAsync(StoreDbContext db, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(db.Database.GetConnectionString());
        await connection.OpenAsync(cancellationToken);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_lock(@key)", connection))
        {
            command.Parameters.AddWithValue("key", AdvisoryLockKey);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
        return new Release(async () =>
        {
            await using (var unlock = new NpgsqlCommand("SELECT pg_advisory_unlock(@key)", connection))
            {
                unlock.Parameters.AddWithValue("key", AdvisoryLockKey);
                await unlock.ExecuteNonQueryAsync(CancellationToken.None);
            }
            await connection.DisposeAsync();
        });
    }

    /// <summary>
    /// An exclusive lock file beside the SQLite store (FileShare.None, which .NET backs with flock on Unix and a
    /// sharing lock on Windows, across processes). The OS drops it when the holder exits, so a crash leaves no
    /// stale lock; the file itself may stay. An in-memory store has nobody to share with and takes no lock.
    /// </summary>
    private static async Task<IAsyncDisposable> LockFileAsync(string connectionString, CancellationToken cancellationToken)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is not { Length: > 0 } path || path == ":memory:" || builder.Mode == SqliteOpenMode.Memory)
        {
            return new Release(() => Task.CompletedTask);
        }
        var lockPath = path + ".startup-lock";
        while (true)
        {
            try
            {
                var file = new FileStream(lockPath, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
                return new Release(() => file.DisposeAsync().AsTask());
            }
            catch (IOException)
            {
                // Another replica holds it: it is migrating or seeding, which takes seconds at most.
                await Task.Delay(50, cancellationToken);
            }
        }
    }

    private sealed class Release(Func<Task> release) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await release();
    }
}
