using Gateway.Testing.PostgreSql;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Store;

public class StoreTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private async Task<StoreDbContext> OpenStoreAsync()
    {
        _ = gateway.Server; // starts the host: migrations and seeding run before it serves
        return await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
    }

    [StoreFact]
    public async Task Start_up_applies_the_checked_in_migrations_and_seeds_an_empty_store()
    {
        await using var db = await OpenStoreAsync();

        Assert.Empty(await db.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await db.Database.GetAppliedMigrationsAsync());
        Assert.Equal(1_000, await db.Products.CountAsync());
        Assert.Equal(10_000, await db.Reviews.CountAsync());
    }

    [StoreFact]
    public async Task Prices_compare_and_order_in_sql_as_exact_decimals()
    {
        await using var db = await OpenStoreAsync();

        // Text ordering would put "100.00" before "9.99"; the decimal mapping must not.
        var query = db.Products.Where(p => p.Price > 5m && p.Price <= 100m).OrderBy(p => p.Price).ThenBy(p => p.Id).Select(p => p.Price);
        var sql = query.ToQueryString();
        var prices = await query.ToListAsync();

        Assert.Contains("WHERE", sql);
        Assert.Contains("ORDER BY", sql);
        // Integer cents (bigint on PostgreSQL): each provider compares and orders natively (an index can serve it), no EF Core
        // decimal callback.
        Assert.DoesNotContain("ef_compare", sql);
        Assert.DoesNotContain("EF_DECIMAL", sql);
        Assert.NotEmpty(prices);
        Assert.Equal(prices.Order(), prices);
        Assert.All(prices, p => Assert.InRange(p, 5.01m, 100m));
        Assert.Contains(prices, p => p < 10m);
        Assert.Contains(prices, p => p >= 10m);

        var expected = (await db.Products.Select(p => p.Price).ToListAsync()).Count(p => p > 5m && p <= 100m);
        Assert.Equal(expected, prices.Count);
    }

    [StoreFact]
    public async Task Money_sums_exactly_in_sql()
    {
        await using var db = await OpenStoreAsync();

        var query = db.Orders.OrderBy(o => o.Id).Take(50)
            .Select(o => new { o.Id, Total = o.Lines.Sum(l => l.UnitPrice * l.Quantity) });
        Assert.DoesNotContain("ef_", query.ToQueryString()); // an integer SUM, not EF Core's decimal aggregate
        var totals = await query.ToListAsync();
        var lines = await db.OrderLines.Where(l => l.OrderId <= 50).ToListAsync();

        Assert.All(totals, t => Assert.Equal(lines.Where(l => l.OrderId == t.Id).Sum(l => l.UnitPrice * l.Quantity), t.Total));
    }

    [StoreFact]
    public async Task Instants_come_back_in_utc()
    {
        await using var db = await OpenStoreAsync();

        var product = await db.Products.OrderBy(p => p.Id).FirstAsync();

        Assert.Equal(DateTimeKind.Utc, product.CreatedAt.Kind);
    }

    [StoreFact]
    public async Task Constraints_reject_invalid_rows()
    {
        await using var db = await OpenStoreAsync();

        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"StockLevels\" SET \"Quantity\" = -1 WHERE \"ProductId\" = 1"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Reviews\" SET \"Rating\" = 6 WHERE \"Id\" = 1"));
        await Assert.ThrowsAnyAsync<System.Data.Common.DbException>(() =>
            db.Database.ExecuteSqlRawAsync("UPDATE \"Products\" SET \"Sku\" = 'SKU-000002' WHERE \"Id\" = 1"));
    }
}

public sealed class StoreTestsOnPostgreSql(PostgreSqlGatewayFactory gateway) : StoreTests(gateway), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
