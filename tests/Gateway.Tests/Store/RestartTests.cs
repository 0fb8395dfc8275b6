using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Store;

public sealed class RestartTests
{
    [Fact]
    public async Task An_existing_store_is_migrated_but_never_reseeded()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        var database = Path.Combine(directory, "store.db");
        try
        {
            await using (var first = new FixedStoreFactory(database))
            {
                await using var db = await first.OpenStoreAsync();
                await db.Database.ExecuteSqlRawAsync("DELETE FROM \"Reviews\" WHERE \"Id\" > 10");
            }
            await using (var second = new FixedStoreFactory(database))
            {
                await using var db = await second.OpenStoreAsync();
                Assert.Equal(10, await db.Reviews.CountAsync());
                Assert.Equal(1_000, await db.Products.CountAsync());
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
    }

    private sealed class FixedStoreFactory(string database) : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("ConnectionStrings:Store", $"Data Source={database}")];

        public async Task<StoreDbContext> OpenStoreAsync()
        {
            _ = Server;
            return await Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        }
    }
}
