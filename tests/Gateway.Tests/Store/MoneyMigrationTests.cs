using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Store;

/// <summary>
/// The migration to integer cents, run on a store made by the migration before it, holding prices as that
/// migration's decimal text: every amount arrives exact, as an integer, and one finer than a cent stops it.
/// </summary>
public sealed class MoneyMigrationTests : IDisposable
{
    private const string PreviousMigration = "20261127230230_OrderStockReservations";
    private readonly MigrationStore _store = new();

    // Prices as EF Core wrote decimals on SQLite before ("0.0###…"), plus forms another writer may have left:
    // an integer, trailing zeros, and an amount too large for a double to hold to the cent.
    public static TheoryData<string, decimal> Prices => new()
    {
        { "12.3", 12.3m },
        { "0.05", 0.05m },
        { "7.0", 7m },
        { "19.99", 19.99m },
        { "5", 5m },
        { "3.500", 3.5m },
        { "1234567890123456.78", 1234567890123456.78m },
    };

    [Theory]
    [MemberData(nameof(Prices))]
    public async Task Prices_and_order_lines_become_exact_integer_cents(string stored, decimal expected)
    {
        await _store.MigrateToAsync(PreviousMigration);
        await InsertLegacyRowsAsync(stored);
        await _store.MigrateAsync();

        await using var migrated = _store.Open();
        var product = await migrated.Products.SingleAsync();
        var line = await migrated.OrderLines.SingleAsync();
        Assert.Equal(expected, product.Price);
        Assert.Equal(expected, line.UnitPrice);
        Assert.Equal(expected * 2, await migrated.Orders.Select(o => o.Lines.Sum(l => l.UnitPrice * l.Quantity)).SingleAsync());
        // Stored as SQLite integers, so SQL compares and orders them natively.
        Assert.Equal("integer", await _store.ScalarAsync("SELECT typeof(\"PriceCents\") FROM \"Products\""));
        Assert.Equal((expected * 100).ToString("0"), await _store.ScalarAsync("SELECT \"PriceCents\" FROM \"Products\""));
        Assert.Equal((expected * 100).ToString("0"), await _store.ScalarAsync("SELECT \"UnitPriceCents\" FROM \"OrderLines\""));
    }

    [Theory]
    [InlineData("1.005")]
    [InlineData("0.001")]
    [InlineData("1e3")]
    public async Task A_price_that_is_not_a_whole_number_of_cents_stops_the_migration(string stored)
    {
        await _store.MigrateToAsync(PreviousMigration);
        await InsertLegacyRowsAsync(stored);

        await Assert.ThrowsAnyAsync<SqliteException>(_store.MigrateAsync);
        Assert.Equal(stored, await _store.ScalarAsync("SELECT \"Price\" FROM \"Products\""));
    }

    private async Task InsertLegacyRowsAsync(string price)
    {
        await _store.ExecuteAsync($"""
            INSERT INTO "Categories" ("Id", "Name", "Slug", "ParentId", "Depth") VALUES (1, 'Audio', 'audio', NULL, 0);
            INSERT INTO "Customers" ("Id", "Name", "Email", "MemberSince") VALUES (1, 'Ada', 'ada@example.com', '2026-01-01 00:00:00');
            INSERT INTO "Orders" ("Id", "CustomerId", "Status", "PlacedAt") VALUES (1, 1, 'PAID', '2026-02-01 00:00:00');
            INSERT INTO "Products" ("Id", "Sku", "Name", "Description", "Price", "Currency", "CreatedAt", "CategoryId")
            VALUES (1, 'SKU-1', 'Headphones', '', {price}, 'EUR', '2026-01-01 00:00:00', 1);
            INSERT INTO "OrderLines" ("Id", "OrderId", "ProductId", "Quantity", "UnitPrice") VALUES (1, 1, 1, 2, {price});
            """);
    }

    public void Dispose() => _store.Dispose();
}
