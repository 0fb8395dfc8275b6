using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Store;

/// <summary>The migration that adds the kept rating aggregates fills them from the reviews a store already has.</summary>
public sealed class RatingAggregatesMigrationTests : IDisposable
{
    private const string PreviousMigration = "20261130000243_IntegerCentsAndScreenIndexes";
    private readonly MigrationStore _store = new();

    [Fact]
    public async Task Existing_products_get_the_count_and_sum_of_their_reviews()
    {
        await _store.MigrateToAsync(PreviousMigration);
        await _store.ExecuteAsync($"""
            INSERT INTO "Categories" ("Id", "Name", "Slug", "ParentId", "Depth") VALUES (1, 'Audio', 'audio', NULL, 0);
            INSERT INTO "Customers" ("Id", "Name", "Email", "MemberSince") VALUES
                (1, 'Ada', 'ada@example.com', '2026-01-01 00:00:00'), (2, 'Bo', 'bo@example.com', '2026-01-01 00:00:00'),
                (3, 'Cy', 'cy@example.com', '2026-01-01 00:00:00');
            INSERT INTO "Products" ("Id", "Sku", "Name", "Description", "PriceCents", "Currency", "CreatedAt", "CategoryId") VALUES
                (1, 'SKU-1', 'Reviewed', '', 1999, 'EUR', '2026-01-01 00:00:00', 1),
                (2, 'SKU-2', 'Unreviewed', '', 500, 'EUR', '2026-01-01 00:00:00', 1),
                (3, 'SKU-3', 'Once', '', 500, 'EUR', '2026-01-01 00:00:00', 1);
            INSERT INTO "Reviews" ("ProductId", "AuthorId", "Rating", "Title", "Body", "CreatedAt") VALUES
                (1, 1, 5, 'Great', NULL, '2026-02-01 00:00:00'), (1, 2, 2, 'Meh', NULL, '2026-02-02 00:00:00'),
                (1, 3, 4, 'Good', NULL, '2026-02-03 00:00:00'), (3, 1, 1, 'Bad', NULL, '2026-02-04 00:00:00');
            """);

        await _store.MigrateAsync();

        await using var db = _store.Open();
        var aggregates = await db.Products.OrderBy(p => p.Id).Select(p => new { p.ReviewCount, p.RatingSum }).ToListAsync();
        Assert.Equal([new { ReviewCount = 3, RatingSum = 11 }, new { ReviewCount = 0, RatingSum = 0 }, new { ReviewCount = 1, RatingSum = 1 }], aggregates);
    }

    public void Dispose() => _store.Dispose();
}
