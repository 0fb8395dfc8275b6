using Gateway.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A collection declared by foreign key (<c>Connection&lt;Review&gt;("reviewsByKey", r =&gt; r.BookId)</c>, see
/// <c>ForeignKeyFields</c>) answers every query exactly as its navigation twin (<c>b =&gt; b.Reviews</c>), in as many
/// statements: joined nested pages, follow-ups by parent keys, a single parent's page and list, sibling collections,
/// aggregates, filters and sorts through the collection, totalCount and row rules; and with the same SQL, since the
/// engine hands EF Core the correlated subquery it would expand the navigation into.
/// </summary>
public class ForeignKeyCollectionTests(LibraryFixture fixture, ITestOutputHelper output) : IClassFixture<LibraryFixture>
{
    public static TheoryData<string, string?> Queries => new()
    {
        // a page of books, each with a page of its reviews joined (ROW_NUMBER per book on SQLite, LATERAL on PostgreSQL)
        { "{ books(first: 4, order: [{ id: ASC }]) { nodes { isbn items: REVIEWS(first: 2, order: [{ stars: DESC }]) { totalCount nodes { stars text reviewer { name } } } } } }", null },
        // one book: chapters joined, its reviews' page read on its own (SingleParentPage)
        { "{ allBooks(where: { isbn: { eq: \"ISBN-030\" } }) { chapters: CHAPTERS { number } items: REVIEWS(first: 2, order: [{ stars: DESC }]) { totalCount edges { cursor node { stars } } } } }", null },
        // one book: reviews joined, its chapters read on their own (SingleParentList)
        { "{ allBooks(where: { isbn: { eq: \"ISBN-030\" } }) { items: REVIEWS(first: 3) { nodes { stars } } chapters: CHAPTERS { number title } } }", null },
        // collections nested in a nested page: follow-ups WHERE fk IN (the parents' keys) on SQLite
        { "{ authors(first: 3, order: [{ name: ASC }]) { nodes { name items: BOOKS(first: 2) { totalCount nodes { title items: REVIEWS(first: 2) { nodes { stars } } chapters: CHAPTERS { number } } } } } }", null },
        // the last rows of the collection
        { "{ allBooks(where: { isbn: { eq: \"ISBN-030\" } }) { chapters: CHAPTERS { number } items: REVIEWS(last: 2, order: [{ stars: DESC }]) { pageInfo { hasPreviousPage } nodes { stars } } } }", null },
        // filters through the collection
        { "{ books(first: 50, order: [{ id: ASC }], where: { REVIEWS: { some: { stars: { gte: 5 } } } }) { totalCount nodes { isbn } } }", null },
        { "{ books(first: 50, order: [{ id: ASC }], where: { REVIEWS: { none: { stars: { lt: 2 } } }, CHAPTERS: { any: true } }) { totalCount nodes { isbn } } }", null },
        // row rules: reviews of three stars or more, books of one genre, on every path above
        { "{ books(first: 4, order: [{ id: ASC }]) { nodes { isbn items: REVIEWS(first: 2) { totalCount nodes { stars } } } } }", "stars:3" },
        { "{ allBooks(where: { isbn: { eq: \"ISBN-030\" } }) { chapters: CHAPTERS { number } items: REVIEWS(first: 5) { totalCount nodes { stars } } } }", "stars:4" },
        { "{ authors(first: 3, order: [{ name: ASC }]) { nodes { name items: BOOKS(first: 3) { totalCount nodes { genre } } } } }", "genre:Science" },
        { "{ books(first: 50, order: [{ id: ASC }], where: { REVIEWS: { any: true } }) { totalCount nodes { isbn } } }", "stars:5" },
        // aggregates over the collection in a filter and a sort (cursors differ: they carry the sort field's name)
        { "{ books(first: 4, where: { STATS: { count: { gte: 1 } } }, order: [{ STATS: { count: DESC } }, { id: ASC }]) { totalCount pageInfo { hasNextPage } nodes { isbn stats: STATS { count average } } } }", null },
        { "{ books(first: 4, order: [{ STATS: { average: DESC } }, { id: ASC }]) { nodes { isbn stats: STATS { count } } } }", "stars:4" },
    };

    [StoreTheory]
    [MemberData(nameof(Queries))]
    public async Task A_collection_by_foreign_key_answers_as_its_navigation_with_the_same_statements(string template, string? user)
    {
        var navigation = (await fixture.ExecuteAsync(Form(template, byKey: false), user: user)).AssertNoErrors();
        var byKey = (await fixture.ExecuteAsync(Form(template, byKey: true), user: user)).AssertNoErrors();

        Log(navigation, byKey);
        Assert.Equal(navigation.Data.ToString(), byKey.Data.ToString());
        Assert.Equal(navigation.Sql.Count, byKey.Sql.Count);
        Assert.Equal(navigation.Sql.Statements, byKey.Sql.Statements);
    }

    [StoreTheory]
    [InlineData(null)]
    [InlineData("stars:4")]
    public async Task Aggregates_over_rows_by_foreign_key_equal_those_over_the_navigation_with_the_same_statements(string? user)
    {
        // with a sibling collection: a page of rows with correlated aggregates reads its collections by follow-up
        var navigation = (await fixture.ExecuteAsync(
            "{ books(first: 6, order: [{ id: ASC }]) { nodes { stats { count average } chapters { number } } } }", user: user)).AssertNoErrors();
        var byKey = (await fixture.ExecuteAsync(
            "{ books(first: 6, order: [{ id: ASC }]) { nodes { stats: statsByKey { count average } chapters { number } } } }",
            user: user)).AssertNoErrors();

        Log(navigation, byKey);
        Assert.Equal(navigation.Data.ToString(), byKey.Data.ToString());
        Assert.Equal(navigation.Sql.Statements, byKey.Sql.Statements);
    }

    [StoreFact]
    public async Task A_collection_with_no_navigation_at_all_reads_the_rows_whose_key_is_the_parents()
    {
        await using var db = fixture.CreateDb();
        var author = await db.Authors.OrderBy(a => a.Id).FirstAsync();
        var expected = await db.Reviews.Where(r => r.ReviewerId == author.Id).OrderBy(r => r.Id).Select(r => r.Stars).ToListAsync();

        var result = (await fixture.ExecuteAsync(
            "{ authors(first: 1, order: [{ id: ASC }]) { nodes { reviewsWritten(first: 50) { totalCount nodes { stars book { isbn } } } } } }")).AssertNoErrors();

        var written = result.Data.GetProperty("authors").GetProperty("nodes")[0].GetProperty("reviewsWritten");
        Assert.Equal(expected.Count, written.GetProperty("totalCount").GetInt32());
        Assert.Equal(expected, written.GetProperty("nodes").EnumerateArray().Select(n => n.GetProperty("stars").GetInt32()));
        Assert.Single(result.Sql.Statements);
    }

    private static string Form(string template, bool byKey) =>
        template.Replace("REVIEWS", byKey ? "reviewsByKey" : "reviews", StringComparison.Ordinal)
            .Replace("CHAPTERS", byKey ? "chaptersByKey" : "chapters", StringComparison.Ordinal)
            .Replace("BOOKS", byKey ? "booksByKey" : "books", StringComparison.Ordinal)
            .Replace("STATS", byKey ? "statsByKey" : "stats", StringComparison.Ordinal);

    private void Log(GraphResult navigation, GraphResult byKey)
    {
        foreach (var (form, result) in new[] { ("navigation", navigation), ("foreign key", byKey) })
        {
            output.WriteLine($"-- {form}: {result.Sql.Count} statement(s)");
            foreach (var sql in result.Sql.Statements)
            {
                output.WriteLine(sql);
            }
        }
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ForeignKeyCollectionTestsOnPostgreSql(PostgreSqlLibraryFixture fixture, ITestOutputHelper output)
    : ForeignKeyCollectionTests(fixture, output), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
