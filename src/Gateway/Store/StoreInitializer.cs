using Gateway.Store.Seeding;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Store;

/// <summary>
/// Brings the store up to date before the gateway serves: applies pending migrations, then seeds a store
/// that has no data. A store with data is never reseeded. Replicas starting together take turns through
/// <see cref="StoreStartupLock"/>, so the first migrates and seeds and the others find nothing left to do.
/// </summary>
internal sealed class StoreInitializer(
    IDbContextFactory<StoreDbContext> contextFactory,
    StoreSeeder seeder,
    StoreStartupLock startupLock,
    IOptions<StoreOptions> options,
    ILogger<StoreInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!options.Value.MigrateOnStartup)
        {
            return;
        }
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        await using (await startupLock.AcquireAsync(db, cancellationToken))
        {
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                logger.LogInformation("Applying {Count} migration(s): {Migrations}", pending.Count, pending);
                await db.Database.MigrateAsync(cancellationToken);
            }
            if (db.Database.IsSqlite())
            {
                // Write-ahead logging lets readers run while a writer commits; the setting persists in the file.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            if (options.Value.SeedScale > 0 && !await db.Categories.AnyAsync(cancellationToken))
            {
                await seeder.SeedAsync(db, options.Value.SeedScale, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
