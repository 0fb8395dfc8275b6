using System.Diagnostics;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Store.Seeding;

/// <summary>
/// Writes the deterministic seed data into an empty store, in one transaction, through the provider's bulk path,
/// logging progress per table.
/// </summary>
internal sealed class StoreSeeder(ILogger<StoreSeeder> logger)
{
    public async Task SeedAsync(StoreDbContext db, int scale, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        logger.LogInformation("Seeding the store at scale {Scale}", scale);
        var data = SeedDataGenerator.Generate(scale);
        logger.LogInformation("Generated the seed data in {ElapsedMs} ms", clock.ElapsedMilliseconds);

        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var transaction = await db.Database.GetDbConnection().BeginTransactionAsync(cancellationToken);
            ISeedInserter inserter = db.Database.IsNpgsql() ? new PostgreSqlCopyInserter(db) : new BulkInserter(db, transaction);
            await InsertAsync(inserter, data.Categories, cancellationToken);
            await InsertAsync(inserter, data.Warehouses, cancellationToken);
            await InsertAsync(inserter, data.Products, cancellationToken);
            await InsertAsync(inserter, data.StockLevels, cancellationToken);
            await InsertAsync(inserter, data.Customers, cancellationToken);
            await InsertAsync(inserter, data.Reviews, cancellationToken);
            await InsertAsync(inserter, data.Orders, cancellationToken);
            await InsertAsync(inserter, data.OrderLines, cancellationToken);
            await InsertAsync(inserter, data.WishlistItems, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        logger.LogInformation("Seeded the store at scale {Scale} in {ElapsedMs} ms", scale, clock.ElapsedMilliseconds);

        async Task InsertAsync<T>(ISeedInserter inserter, IReadOnlyList<T> rows, CancellationToken token) where T : class
        {
            var started = clock.ElapsedMilliseconds;
            await inserter.InsertAsync(rows, token);
            logger.LogInformation("Seeded {Count} {Entity} rows in {ElapsedMs} ms", rows.Count, typeof(T).Name, clock.ElapsedMilliseconds - started);
        }
    }
}
