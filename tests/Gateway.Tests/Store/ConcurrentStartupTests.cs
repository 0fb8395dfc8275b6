using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Gateway.Tests.Store;

/// <summary>
/// Replicas starting at the same moment on one empty store: the start-up lock (StoreStartupLock) lets exactly one
/// migrate and seed while the others wait, and none fails. A second seeding would collide with the seeded ids and
/// fail that replica's start, so four started replicas and the scale-1 row counts prove it happened once.
/// </summary>
public class ConcurrentStartupTests
{
    protected virtual StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>A new, empty store's connection string.</summary>
    protected virtual Task<string> NewStoreAsync()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return Task.FromResult($"Data Source={Path.Combine(directory, "store.db")}");
    }

    protected virtual async Task DeleteStoreAsync(string connectionString)
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        await Task.Yield();
        var path = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(connectionString).DataSource;
        Directory.Delete(Path.GetDirectoryName(path)!, recursive: true);
    }

    [StoreFact]
    public async Task Four_replicas_starting_together_on_an_empty_store_migrate_and_seed_it_once()
    {
        var store = await NewStoreAsync();
        var replicas = Enumerable.Range(0, 4).Select(_ => new Replica(Provider, store)).ToList();
        try
        {
            using var go = new ManualResetEventSlim();
            var starts = replicas.Select(r => Task.Run(() =>
            {
                go.Wait();
                _ = r.Server; // starts the host: migrate and seed under the lock, then serve
            })).ToList();
            go.Set();
            await Task.WhenAll(starts).WaitAsync(TimeSpan.FromMinutes(3));

            foreach (var replica in replicas)
            {
                Assert.Equal(System.Net.HttpStatusCode.OK, (await replica.CreateClient().GetAsync("/health/ready")).StatusCode);
            }
            await using var db = await replicas[0].Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(db.Database.GetMigrations().Count(), (await db.Database.GetAppliedMigrationsAsync()).Count());
            Assert.Equal(1_000, await db.Products.CountAsync());
            Assert.Equal(10_000, await db.Reviews.CountAsync());
            Assert.Equal(2_000, await db.Orders.CountAsync());
        }
        finally
        {
            foreach (var replica in replicas)
            {
                await replica.DisposeAsync();
            }
            await DeleteStoreAsync(store);
        }
    }

    [StoreFact]
    public async Task Three_gateway_processes_starting_together_on_an_empty_store_all_become_ready_over_one_seeding()
    {
        var store = await NewStoreAsync();
        var processes = new List<GatewayProcess>();
        try
        {
            // Real processes: the lock must hold across them, not only between hosts sharing this process's memory.
            var starting = Enumerable.Range(0, 3).Select(_ => GatewayProcess.StartAsync(Provider, store)).ToList();
            try
            {
                await Task.WhenAll(starting).WaitAsync(TimeSpan.FromMinutes(3));
            }
            finally
            {
                // Whatever failed, the processes that did start are stopped below.
                processes.AddRange(starting.Where(t => t.IsCompletedSuccessfully).Select(t => t.Result));
            }

            Assert.Single(processes, p => p.Output.Contains("Seeding the store at scale 1", StringComparison.Ordinal));
            await using var db = Context(store);
            Assert.Empty(await db.Database.GetPendingMigrationsAsync());
            Assert.Equal(1_000, await db.Products.CountAsync());
            Assert.Equal(10_000, await db.Reviews.CountAsync());
        }
        finally
        {
            foreach (var process in processes)
            {
                await process.DisposeAsync();
            }
            await DeleteStoreAsync(store);
        }
    }

    [StoreFact]
    public async Task A_replica_does_not_migrate_while_another_holds_the_start_up_lock()
    {
        var store = await NewStoreAsync();
        await using var replica = new Replica(Provider, store);
        try
        {
            await using var holder = Context(store);
            Task starting;
            await using (await new StoreStartupLock(NullLogger<StoreStartupLock>.Instance).AcquireAsync(holder, CancellationToken.None))
            {
                starting = Task.Run(() => _ = replica.Server);
                await Task.Delay(TimeSpan.FromSeconds(2));
                Assert.False(starting.IsCompleted, "The replica started while the start-up lock was held by someone else.");
                Assert.Empty(await holder.Database.GetAppliedMigrationsAsync());
            }
            await starting.WaitAsync(TimeSpan.FromMinutes(2));
            Assert.Equal(1_000, await holder.Products.CountAsync());
        }
        finally
        {
            await replica.DisposeAsync();
            await DeleteStoreAsync(store);
        }
    }

    private StoreDbContext Context(string connectionString) => Provider == StoreProvider.PostgreSql
        ? new PostgreSqlStoreDbContext(new DbContextOptionsBuilder<PostgreSqlStoreDbContext>().UseNpgsql(connectionString).Options)
        : new StoreDbContext(new DbContextOptionsBuilder<StoreDbContext>().UseSqlite(connectionString).Options);

    /// <summary>A gateway on a store it does not own.</summary>
    private sealed class Replica(StoreProvider provider, string connectionString) : GatewayFactory
    {
        public override StoreProvider Provider => provider;

        public override string StoreConnectionString => connectionString;
    }
}

/// <summary>The same on PostgreSQL, where the lock is pg_advisory_lock.</summary>
public sealed class ConcurrentStartupTestsOnPostgreSql : ConcurrentStartupTests, IRunsOnPostgreSql
{
    protected override StoreProvider Provider => StoreProvider.PostgreSql;

    protected override Task<string> NewStoreAsync() => PostgreSqlServer.CreateDatabaseAsync("startup");

    protected override Task DeleteStoreAsync(string connectionString) => PostgreSqlServer.DropDatabaseAsync(connectionString);
}
