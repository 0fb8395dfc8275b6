namespace Gateway.Tests.Store;

/// <summary>The migration that keeps category product counts fills them from the products a store already has, and keeps them from then on.</summary>
public sealed class CategoryProductCountsMigrationTests : IDisposable
{
    private const string PreviousMigration = "20261130120000_RelatedByRatingIndex";
    private readonly MigrationStore _store = new();

    [Fact]
    public async Task Existing_categories_get_their_own_and_their_childrens_products_and_writes_keep_them()
    {
        await _store.MigrateToAsync(PreviousMigration);
        await _store.ExecuteAsync($"""
            INSERT INTO "Categories" ("Id", "Name", "Slug", "ParentId", "Depth") VALUES
                (1, 'Audio', 'audio', NULL, 0), (2, 'Headphones', 'headphones', 1, 1), (3, 'Speakers', 'speakers', 1, 1),
                (4, 'Video', 'video', NULL, 0), (5, 'Cameras', 'cameras', 4, 1);
            INSERT INTO "Products" ("Id", "Sku", "Name", "Description", "PriceCents", "Currency", "CreatedAt", "CategoryId", "WeightGrams", "RatingSum", "ReviewCount") VALUES
                (1, 'SKU-1', 'A', '', 100, 'EUR', '2026-01-01 00:00:00', 2, 1, 0, 0), (2, 'SKU-2', 'B', '', 100, 'EUR', '2026-01-01 00:00:00', 2, 1, 0, 0),
                (3, 'SKU-3', 'C', '', 100, 'EUR', '2026-01-01 00:00:00', 3, 1, 0, 0), (4, 'SKU-4', 'D', '', 100, 'EUR', '2026-01-01 00:00:00', 5, 1, 0, 0);
            """);

        await _store.MigrateAsync();
        Assert.Equal("3,2,1,1,1", await CountsAsync());

        await _store.ExecuteAsync($"""INSERT INTO "Products" ("Id", "Sku", "Name", "Description", "PriceCents", "Currency", "CreatedAt", "CategoryId", "WeightGrams", "RatingSum", "ReviewCount") VALUES (5, 'SKU-5', 'E', '', 100, 'EUR', '2026-01-01 00:00:00', 5, 1, 0, 0)""");
        await _store.ExecuteAsync($"""UPDATE "Products" SET "CategoryId" = 5 WHERE "Id" = 1""");
        Assert.Equal("2,1,1,3,3", await CountsAsync());
    }

    /// <summary>The kept counts of categories 1 to 5, in id order.</summary>
    private Task<string?> CountsAsync() =>
        _store.ScalarAsync("""SELECT group_concat("ProductCount", ',') FROM (SELECT "ProductCount" FROM "Categories" ORDER BY "Id")""");

    public void Dispose() => _store.Dispose();
}
