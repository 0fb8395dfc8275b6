using Gateway.Catalog;
using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Store;

/// <summary>
/// A category's product count is kept by the store's own triggers, in the transaction of each write: after seeding,
/// and after products are added, moved and removed and a category moves to another parent, through EF Core or plain
/// SQL, it equals a recount. (This class writes to its own store: the other tests' seeded rows stay as they are.)
/// </summary>
public class CategoryProductCountTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [StoreFact]
    public async Task Product_counts_equal_a_recount_after_every_kind_of_write()
    {
        _ = gateway.Server; // migrations and seeding run before it serves
        await AssertCountsEqualRecountAsync("after seeding");

        var (root, child, otherChild) = await PickCategoriesAsync();
        int added;
        await using (var db = await OpenAsync())
        {
            var product = new Product
            {
                Sku = "SKU-COUNT-1", Name = "Counted", Description = "", Price = 12.34m, CreatedAt = DateTime.UtcNow, CategoryId = child, WeightGrams = 100,
            };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            added = product.Id;
        }

        await AssertCountsEqualRecountAsync("after a product was added");

        await ExecuteAsync($"""UPDATE "Products" SET "CategoryId" = {otherChild} WHERE "Id" = {added}""");
        await AssertCountsEqualRecountAsync("after a product moved to a category of another parent");

        await ExecuteAsync($"""UPDATE "Products" SET "CategoryId" = {otherChild}, "Name" = 'Renamed' WHERE "Id" = {added}""");
        await AssertCountsEqualRecountAsync("after an update that left its category as it was");

        await ExecuteAsync($"""UPDATE "Categories" SET "ParentId" = {root} WHERE "Id" = {otherChild}""");
        await AssertCountsEqualRecountAsync("after a category moved to another parent");

        await ExecuteAsync($"""DELETE FROM "Products" WHERE "Id" = {added}""");
        await AssertCountsEqualRecountAsync("after a product was removed");
    }

    [StoreFact]
    public async Task The_application_never_writes_the_count()
    {
        _ = gateway.Server;
        var (_, child, _) = await PickCategoriesAsync();
        await using var db = await OpenAsync();
        var category = await db.Categories.SingleAsync(c => c.Id == child);
        var kept = category.ProductCount;

        // A tracked category saved with other changes: its count is neither written nor overwritten.
        category.Name += " ";
        db.Entry(category).Property(c => c.ProductCount).CurrentValue = kept + 1_000;
        await db.SaveChangesAsync();

        await using var fresh = await OpenAsync();
        Assert.Equal(kept, await fresh.Categories.Where(c => c.Id == child).Select(c => c.ProductCount).SingleAsync());
    }

    private async Task<StoreDbContext> OpenAsync() =>
        await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await OpenAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    /// <summary>A root, one of its children, and a child of another root.</summary>
    private async Task<(int Root, int Child, int OtherChild)> PickCategoriesAsync()
    {
        await using var db = await OpenAsync();
        var children = await db.Categories.Where(c => c.ParentId != null).OrderBy(c => c.Id)
            .Select(c => new { c.Id, Parent = c.ParentId!.Value }).ToListAsync();
        var first = children[0];
        var other = children.First(c => c.Parent != first.Parent);
        return (first.Parent, first.Id, other.Id);
    }

    private async Task AssertCountsEqualRecountAsync(string when)
    {
        await using var db = await OpenAsync();
        var categories = await db.Categories.Select(c => new { c.Id, c.ParentId, c.ProductCount }).ToListAsync();
        var own = (await db.Products.GroupBy(p => p.CategoryId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync())
            .ToDictionary(g => g.Key, g => g.Count);
        foreach (var category in categories)
        {
            var recount = own.GetValueOrDefault(category.Id)
                + categories.Where(c => c.ParentId == category.Id).Sum(c => own.GetValueOrDefault(c.Id));
            Assert.True(recount == category.ProductCount, $"Category {category.Id} {when}: kept {category.ProductCount}, recount {recount}.");
        }

        Assert.Contains(categories, c => c.ProductCount > 0);
    }
}

public sealed class CategoryProductCountTestsOnPostgreSql(PostgreSqlGatewayFactory gateway)
    : CategoryProductCountTests(gateway), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
