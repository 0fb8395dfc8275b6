using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Xunit.Abstractions;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A list of a single parent reached through a reference's collection (<c>Book.sameAuthor</c>: <c>b.Author.Books</c>
/// ordered and limited, without the book itself), read by its follow-up statement, is a query of its own on the
/// collection's table (WHERE fk = the reference's key ... LIMIT) instead of numbering the whole partition with
/// ROW_NUMBER, and answers exactly as the windowed form does for several parents.
/// </summary>
public class SingleParentListTests(LibraryFixture fixture, ITestOutputHelper output) : IClassFixture<LibraryFixture>
{
    // chapters is joined into the book's statement; sameAuthor, its sibling, is the follow-up under test
    private const string Query = """
        query($isbns: [String!], $first: Int) {
          allBooks(where: { isbn: { in: $isbns } }, order: [{ id: ASC }]) { isbn chapters { number } sameAuthor(first: $first) { title } }
        }
        """;

    [StoreTheory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(5)]
    public async Task A_single_parents_list_is_a_limited_query_of_its_own_and_matches_the_oracle(int first)
    {
        var book = AuthorWithMostBooks();
        var result = (await fixture.ExecuteAsync(Query, new { isbns = new[] { book.Isbn }, first })).AssertNoErrors();

        Assert.Equal(2, result.Sql.Count);
        var followUp = result.Sql.Statements[1];
        output.WriteLine(followUp);
        Assert.DoesNotContain("ROW_NUMBER", followUp);
        Assert.Contains("LIMIT", followUp);
        Assert.Equal(Expected(book, first), Titles(result.Data)[book.Isbn]);
    }

    [StoreFact]
    public async Task Several_parents_keep_the_windowed_form_with_the_same_answers()
    {
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).Take(4).ToList();
        var result = (await fixture.ExecuteAsync(Query, new { isbns = books.Select(b => b.Isbn).ToArray(), first = 2 })).AssertNoErrors();

        var titles = Titles(result.Data);
        Assert.All(books, book => Assert.Equal(Expected(book, 2), titles[book.Isbn]));
    }

    private Model.Book AuthorWithMostBooks()
    {
        var books = LibraryData.Books(fixture);
        return books.GroupBy(b => b.AuthorId).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).First().OrderBy(b => b.Id).Last();
    }

    /// <summary>The author's other books by id, as LINQ to objects reads them.</summary>
    private List<string> Expected(Model.Book book, int first) =>
        LibraryData.Books(fixture).Where(b => b.AuthorId == book.AuthorId && b.Id != book.Id).OrderBy(b => b.Id).Take(first).Select(b => b.Title).ToList();

    private static Dictionary<string, List<string>> Titles(JsonElement data) =>
        data.GetProperty("allBooks").EnumerateArray().ToDictionary(
            b => b.GetProperty("isbn").GetString()!,
            b => LibraryData.Strings(b.GetProperty("sameAuthor"), "title"));
}

public sealed class SingleParentListTestsOnPostgreSql(PostgreSqlLibraryFixture fixture, ITestOutputHelper output)
    : SingleParentListTests(fixture, output), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
