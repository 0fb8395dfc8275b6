using Gateway.Testing.PostgreSql;
using Gateway.EntityFramework.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests;

/// <summary>Writes to its own database (its own fixture), so other classes keep the seeded data.</summary>
public class KeysetStabilityTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task Rows_inserted_between_pages_neither_duplicate_nor_skip_rows()
    {
        const string query = "query($after: String) { books(first: 6, after: $after, order: [{ price: ASC }]) { pageInfo { hasNextPage endCursor } nodes { isbn } } }";
        var first = (await fixture.ExecuteAsync(query, new { after = (string?)null })).AssertNoErrors();
        var firstPage = LibraryData.Strings(first.Data.GetProperty("books").GetProperty("nodes"), "isbn");
        var cursor = first.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString();

        // Cheaper than every row: an offset-based next page would repeat the last row of the first page.
        await using (var db = fixture.CreateDb())
        {
            var author = await db.Authors.FirstAsync();
            db.Books.Add(new Book { Title = "Inserted", Isbn = "ISBN-NEW-1", Price = 0.5m, Pages = 1, PublishedAt = LibrarySeed.Epoch, Author = author });
            db.Books.Add(new Book { Title = "Inserted later", Isbn = "ISBN-NEW-2", Price = 99m, Pages = 1, PublishedAt = LibrarySeed.Epoch, Author = author });
            await db.SaveChangesAsync();
        }

        var seen = new List<string>(firstPage);
        var after = cursor;
        for (var pageNumber = 0; pageNumber < 20 && after is not null; pageNumber++)
        {
            var page = (await fixture.ExecuteAsync(query, new { after })).AssertNoErrors();
            seen.AddRange(LibraryData.Strings(page.Data.GetProperty("books").GetProperty("nodes"), "isbn"));
            var pageInfo = page.Data.GetProperty("books").GetProperty("pageInfo");
            after = pageInfo.GetProperty("hasNextPage").GetBoolean() ? pageInfo.GetProperty("endCursor").GetString() : null;
        }

        var expected = LibraryData.Books(fixture).OrderBy(b => b.Price).ThenBy(b => b.Id).Select(b => b.Isbn)
            .Where(isbn => isbn != "ISBN-NEW-1").ToList();
        Assert.Equal(expected, seen);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.Equal("ISBN-NEW-2", seen[^1]);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class KeysetStabilityTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : KeysetStabilityTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
