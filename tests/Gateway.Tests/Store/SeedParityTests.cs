using System.Text.Json;
using System.Text.Json.Serialization;
using Gateway.Catalog;
using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Store;

/// <summary>
/// The PostgreSQL store seeded by binary COPY holds exactly the rows the SQLite store seeded by prepared inserts
/// holds (same generator, same scale): every column of every table read back through EF Core, money and instants
/// included. And the identity sequences were moved past the seeded ids, so the next insert gets a fresh key.
/// </summary>
public sealed class SeedParityTests(GatewayFactory sqlite, PostgreSqlGatewayFactory postgreSql)
    : IClassFixture<GatewayFactory>, IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql
{
    private static readonly JsonSerializerOptions s_json = new() { ReferenceHandler = ReferenceHandler.IgnoreCycles };

    [StoreFact]
    public async Task Every_seeded_row_is_the_same_on_both_providers()
    {
        await using var left = await OpenAsync(sqlite);
        await using var right = await OpenAsync(postgreSql);

        await AssertSameAsync(db => db.Categories.OrderBy(c => c.Id));
        await AssertSameAsync(db => db.Products.OrderBy(p => p.Id));
        await AssertSameAsync(db => db.Customers.OrderBy(c => c.Id));
        await AssertSameAsync(db => db.Reviews.OrderBy(r => r.Id));
        await AssertSameAsync(db => db.Orders.OrderBy(o => o.Id));
        await AssertSameAsync(db => db.OrderLines.OrderBy(l => l.Id));
        await AssertSameAsync(db => db.Warehouses.OrderBy(w => w.Id));
        await AssertSameAsync(db => db.StockLevels.OrderBy(s => s.ProductId).ThenBy(s => s.WarehouseId));
        await AssertSameAsync(db => db.WishlistItems.OrderBy(w => w.Id));

        async Task AssertSameAsync<T>(Func<StoreDbContext, IQueryable<T>> rows) where T : class
        {
            var expected = JsonSerializer.Serialize(await rows(left).AsNoTracking().ToListAsync(), s_json);
            var actual = JsonSerializer.Serialize(await rows(right).AsNoTracking().ToListAsync(), s_json);
            Assert.True(expected.Length > 2, $"No {typeof(T).Name} rows were seeded.");
            Assert.True(expected == actual, $"{typeof(T).Name} rows differ between SQLite and PostgreSQL.");
        }
    }

    [StoreFact]
    public async Task The_next_row_inserted_on_postgresql_gets_an_id_past_the_seeded_ones()
    {
        await using var db = await OpenAsync(postgreSql);
        var seeded = await db.Categories.MaxAsync(c => c.Id);
        var category = new Category { Name = "Parity", Slug = "parity-" + Guid.NewGuid().ToString("N"), Depth = 0 };
        db.Categories.Add(category);
        await db.SaveChangesAsync();

        Assert.Equal(seeded + 1, category.Id);
        db.Categories.Remove(category);
        await db.SaveChangesAsync();
    }

    private static async Task<StoreDbContext> OpenAsync(GatewayFactory gateway)
    {
        _ = gateway.Server; // migrates and seeds the store
        return await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
    }
}
