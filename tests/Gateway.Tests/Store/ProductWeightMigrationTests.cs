using Gateway.Catalog;
using Gateway.Store.Seeding;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Store;

/// <summary>The migration that adds product weights fills a store seeded before it with the weights a new seed gives.</summary>
public sealed class ProductWeightMigrationTests : IDisposable
{
    private const string PreviousMigration = "20261130001030_ProductRatingAggregates";
    private readonly MigrationStore _store = new();

    [Fact]
    public async Task Existing_products_get_the_seeded_weights()
    {
        await _store.MigrateToAsync(PreviousMigration);
        await _store.ExecuteAsync($"""
            INSERT INTO "Categories" ("Id", "Name", "Slug", "ParentId", "Depth") VALUES (1, 'Audio', 'audio', NULL, 0);
            INSERT INTO "Products" ("Id", "Sku", "Name", "Description", "PriceCents", "Currency", "CreatedAt", "CategoryId", "ReviewCount", "RatingSum") VALUES
                (1, 'SKU-1', 'One', '', 1999, 'EUR', '2026-01-01 00:00:00', 1, 0, 0),
                (2, 'SKU-2', 'Two', '', 500, 'EUR', '2026-01-01 00:00:00', 1, 0, 0),
                (977, 'SKU-977', 'Far', '', 500, 'EUR', '2026-01-01 00:00:00', 1, 0, 0);
            """);

        await _store.MigrateAsync();

        await using var db = _store.Open();
        var weights = await db.Products.OrderBy(p => p.Id).Select(p => new { p.Id, p.WeightGrams }).ToListAsync();
        Assert.All(weights, w => Assert.Equal(ProductWeights.Of(w.Id), w.WeightGrams));
    }

    [Fact]
    public void Seeded_weights_are_those_of_the_formula_and_within_the_shipping_bands()
    {
        var products = SeedDataGenerator.Generate(1).Products;

        Assert.All(products, p => Assert.Equal(ProductWeights.Of(p.Id), p.WeightGrams));
        Assert.All(products, p => Assert.InRange(p.WeightGrams, 150, 4_950));
        Assert.True(products.Select(p => p.WeightGrams).Distinct().Count() > 50);
    }

    public void Dispose() => _store.Dispose();
}
