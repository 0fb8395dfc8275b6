using Gateway.Testing.PostgreSql;
namespace Gateway.EntityFramework.Tests;

public class ExtensibilityTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task A_hand_written_field_projects_an_entity_through_the_engine()
    {
        var result = (await fixture.ExecuteAsync("{ manualBook(isbn: \"ISBN-030\") { title author { name } reviews(first: 1) { totalCount } } }")).AssertNoErrors();
        var book = LibraryData.Books(fixture).Single(b => b.Isbn == "ISBN-030");
        Assert.Equal(book.Title, result.Data.GetProperty("manualBook").GetProperty("title").GetString());
        Assert.Equal(book.Author.Name, result.Data.GetProperty("manualBook").GetProperty("author").GetProperty("name").GetString());
        Assert.Equal(book.Reviews.Count, result.Data.GetProperty("manualBook").GetProperty("reviews").GetProperty("totalCount").GetInt32());
        Assert.Single(result.Sql.Statements);
    }

    [StoreFact]
    public async Task Entities_load_by_key_in_request_order_with_nulls_in_one_statement()
    {
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).ToList();
        var result = (await fixture.ExecuteAsync("query($keys: [Int!]!) { booksByKey(keys: $keys) { isbn author { name } } }",
            new { keys = new[] { books[3].Id, 424242, books[0].Id, books[3].Id } })).AssertNoErrors();
        var rows = result.Data.GetProperty("booksByKey").EnumerateArray().ToList();
        Assert.Equal(books[3].Isbn, rows[0].GetProperty("isbn").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, rows[1].ValueKind);
        Assert.Equal(books[0].Isbn, rows[2].GetProperty("isbn").GetString());
        Assert.Equal(books[3].Author.Name, rows[3].GetProperty("author").GetProperty("name").GetString());
        Assert.Single(result.Sql.Statements);
    }

    [StoreFact]
    public async Task Lists_inside_nested_pages_cost_one_follow_up_statement_per_field_whatever_the_page_size()
    {
        var small = (await fixture.ExecuteAsync(NestedPages, new { size = 1 })).AssertNoErrors();
        var result = (await fixture.ExecuteAsync(NestedPages, new { size = 3 })).AssertNoErrors();

        // SQLite has no APPLY: chapters and reviews, nested in the books page, each load in one follow-up query
        // One follow-up per list field on SQLite (no LATERAL); PostgreSQL joins the lists LATERAL into the one statement.
        var statements = fixture.OnPostgreSql ? 1 : 3;
        Assert.Equal(statements, small.Sql.Count);
        Assert.Equal(statements, result.Sql.Count);
        Assert.All(result.Sql.Statements, sql => Assert.DoesNotContain("APPLY", sql));
        Assert.Contains(fixture.OnPostgreSql ? "JOIN LATERAL" : "ROW_NUMBER() OVER(PARTITION BY", result.Sql.Statements[0]);
        var books = LibraryData.Books(fixture);
        var authors = books.Select(b => b.Author).DistinctBy(a => a.Id).OrderBy(a => a.Name).ThenBy(a => a.Id).Take(3).ToList();
        var nodes = result.Data.GetProperty("authors").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(authors.Select(a => a.Name), nodes.Select(n => n.GetProperty("name").GetString()));
        for (var i = 0; i < authors.Count; i++)
        {
            var authorBooks = books.Where(b => b.AuthorId == authors[i].Id).OrderByDescending(b => b.Price).ThenBy(b => b.Id).ToList();
            var connection = nodes[i].GetProperty("books");
            Assert.Equal(authorBooks.Count, connection.GetProperty("totalCount").GetInt32());
            var bookNodes = connection.GetProperty("nodes").EnumerateArray().ToList();
            Assert.Equal(authorBooks.Take(2).Select(b => b.Isbn), bookNodes.Select(b => b.GetProperty("isbn").GetString()));
            for (var j = 0; j < bookNodes.Count; j++)
            {
                var expectedReviews = authorBooks[j].Reviews.OrderBy(r => r.Stars).ThenBy(r => r.Id).TakeLast(2).ToList();
                var reviews = bookNodes[j].GetProperty("reviews").GetProperty("nodes").EnumerateArray().ToList();
                Assert.Equal(expectedReviews.Select(r => r.Stars), reviews.Select(r => r.GetProperty("stars").GetInt32()));
                Assert.Equal(expectedReviews.Select(r => r.Reviewer.Name), reviews.Select(r => r.GetProperty("reviewer").GetProperty("name").GetString()));
                Assert.Equal(authorBooks[j].Chapters.Count, bookNodes[j].GetProperty("chapters").GetArrayLength());
            }
        }
    }

    private const string NestedPages = """
        query($size: Int!) {
          authors(first: $size, order: [{ name: ASC }]) {
            nodes {
              name
              books(first: 2, order: [{ price: DESC }]) {
                totalCount
                nodes {
                  isbn
                  chapters { title }
                  reviews(last: 2, order: [{ stars: ASC }]) { nodes { stars reviewer { name publisher { name } } } }
                }
              }
            }
          }
        }
        """;
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ExtensibilityTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : ExtensibilityTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
