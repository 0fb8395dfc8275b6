using System.Text.Json;
using Gateway.EntityFramework.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests;

/// <summary>The seeded rows loaded into memory, to compute expected results with LINQ to objects.</summary>
public static class LibraryData
{
    public static List<Book> Books(LibraryFixture fixture)
    {
        using var db = fixture.CreateDb();
        return db.Books.AsNoTracking()
            .Include(b => b.Author).ThenInclude(a => a.Publisher)
            .Include(b => b.Reviews).ThenInclude(r => r.Reviewer)
            .Include(b => b.Chapters)
            .AsSplitQuery()
            .ToList();
    }

    public static List<string> Strings(JsonElement array, string property) =>
        array.EnumerateArray().Select(e => e.GetProperty(property).GetString()!).ToList();
}
