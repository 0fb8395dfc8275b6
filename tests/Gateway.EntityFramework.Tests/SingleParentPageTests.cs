using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Xunit.Abstractions;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A page nested in one parent row, read by its follow-up statement, reads only its own rows (WHERE fk = @key ...
/// LIMIT) instead of numbering every child of the parent with ROW_NUMBER, and answers exactly as the windowed form.
/// </summary>
public class SingleParentPageTests(LibraryFixture fixture, ITestOutputHelper output) : IClassFixture<LibraryFixture>
{
    // chapters is joined into the book's statement; reviews, its sibling, is the follow-up under test
    private const string Query = """
        query($isbn: String!, $first: Int, $after: String, $last: Int, $before: String) {
          allBooks(where: { isbn: { eq: $isbn } }) {
            chapters { number }
            reviews(first: $first, after: $after, last: $last, before: $before, order: [{ stars: DESC }]) {
              pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
              edges { cursor node { stars text reviewer { name } } }
            }
          }
        }
        """;

    [StoreFact]
    public async Task A_single_parents_page_is_a_limited_query_of_its_own_without_a_window()
    {
        var book = BookWithMostReviews();
        var result = (await fixture.ExecuteAsync(Query, new { isbn = book.Isbn, first = 2 })).AssertNoErrors();

        Assert.Equal(2, result.Sql.Count);
        var followUp = result.Sql.Statements[1];
        output.WriteLine(followUp);
        Assert.DoesNotContain("ROW_NUMBER", followUp);
        Assert.Contains("LIMIT", followUp);
        AssertPage(Expected(book).Take(2), Reviews(result.Data));
    }

    [StoreFact]
    public async Task Walking_forwards_and_backwards_through_a_single_parents_page_matches_the_oracle()
    {
        var book = BookWithMostReviews();
        var expected = Expected(book);
        var seen = new List<string?>();
        string? after = null;
        for (var guard = 0; guard < 50; guard++)
        {
            var page = Reviews((await fixture.ExecuteAsync(Query, new { isbn = book.Isbn, first = 2, after })).AssertNoErrors().Data);
            seen.AddRange(page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node").GetProperty("text").GetString()));
            if (!page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = page.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected.Select(r => r.Text), seen);

        var last = Reviews((await fixture.ExecuteAsync(Query, new { isbn = book.Isbn, last = 2 })).AssertNoErrors().Data);
        AssertPage(expected.TakeLast(2), last);
        Assert.Equal(expected.Count > 2, last.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        var before = last.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var previous = Reviews((await fixture.ExecuteAsync(Query, new { isbn = book.Isbn, last = 2, before })).AssertNoErrors().Data);
        AssertPage(expected.SkipLast(2).TakeLast(2), previous);
    }

    [StoreFact]
    public async Task A_selected_total_count_is_counted_in_the_same_follow_up_statement()
    {
        var book = BookWithMostReviews();
        var result = (await fixture.ExecuteAsync("""
            query($isbn: String!) {
              allBooks(where: { isbn: { eq: $isbn } }) { chapters { number } reviews(first: 1) { totalCount pageInfo { endCursor } nodes { stars } } }
            }
            """, new { isbn = book.Isbn })).AssertNoErrors();

        Assert.Equal(2, result.Sql.Count);
        Assert.DoesNotContain("ROW_NUMBER", result.Sql.Statements[1]);
        Assert.Equal(book.Reviews.Count, result.Data.GetProperty("allBooks")[0].GetProperty("reviews").GetProperty("totalCount").GetInt32());

        // after a cursor the count comes from the windowed form, still in the one follow-up statement
        var first = Reviews(result.Data);
        var after = (await fixture.ExecuteAsync("""
            query($isbn: String!, $after: String) {
              allBooks(where: { isbn: { eq: $isbn } }) { chapters { number } reviews(first: 1, after: $after) { totalCount nodes { stars } } }
            }
            """, new { isbn = book.Isbn, after = Cursor(first) })).AssertNoErrors();
        Assert.Equal(2, after.Sql.Count);
        Assert.Equal(book.Reviews.Count, Reviews(after.Data).GetProperty("totalCount").GetInt32());

        // the count honours the page's filter, and an empty page counts 0
        foreach (var stars in new[] { 4, 6 })
        {
            var filtered = (await fixture.ExecuteAsync("""
                query($isbn: String!, $stars: Int!) {
                  allBooks(where: { isbn: { eq: $isbn } }) {
                    chapters { number }
                    reviews(first: 1, where: { stars: { gte: $stars } }) { totalCount nodes { stars } }
                  }
                }
                """, new { isbn = book.Isbn, stars })).AssertNoErrors();
            var reviews = Reviews(filtered.Data);
            Assert.Equal(book.Reviews.Count(r => r.Stars >= stars), reviews.GetProperty("totalCount").GetInt32());
            Assert.Equal(Math.Min(1, book.Reviews.Count(r => r.Stars >= stars)), reviews.GetProperty("nodes").GetArrayLength());
        }
    }

    private Model.Book BookWithMostReviews() =>
        LibraryData.Books(fixture).OrderByDescending(b => b.Reviews.Count).ThenBy(b => b.Id).First();

    private static List<Model.Review> Expected(Model.Book book) =>
        book.Reviews.OrderByDescending(r => r.Stars).ThenBy(r => r.Id).ToList();

    private static string? Cursor(JsonElement page) => page.GetProperty("pageInfo").GetProperty("endCursor").GetString();

    private static JsonElement Reviews(JsonElement data) => data.GetProperty("allBooks")[0].GetProperty("reviews");

    private static void AssertPage(IEnumerable<Model.Review> expected, JsonElement page)
    {
        var nodes = page.GetProperty("edges").EnumerateArray().Select(e => e.GetProperty("node")).ToList();
        var rows = expected.ToList();
        Assert.Equal(rows.Select(r => r.Stars), nodes.Select(n => n.GetProperty("stars").GetInt32()));
        Assert.Equal(rows.Select(r => r.Text), nodes.Select(n => n.GetProperty("text").GetString()));
        Assert.Equal(rows.Select(r => r.Reviewer.Name), nodes.Select(n => n.GetProperty("reviewer").GetProperty("name").GetString()));
    }
}

public sealed class SingleParentPageTestsOnPostgreSql(PostgreSqlLibraryFixture fixture, ITestOutputHelper output)
    : SingleParentPageTests(fixture, output), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
