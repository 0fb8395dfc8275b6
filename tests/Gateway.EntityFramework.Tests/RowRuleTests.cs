using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Gateway.EntityFramework.Relay;
using Gateway.EntityFramework.Tests.Model;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A row rule declared once on a type (<see cref="Schema.LibraryRowRules"/>) narrows every path that reads the type,
/// inside the statements the query runs anyway: a hidden row is not in any list, page, count or computed value, a
/// reference or node to it is null without an error, and filters and sorts through a relation see only visible rows.
/// </summary>
public class RowRuleTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string Fiction = "genre:Fiction";
    private const string ThreeStars = "stars:3";
    private const string Publisher1 = "publisher:1";
    private const string House1 = "house:1";

    private List<Book> Books()
    {
        using var db = fixture.CreateDb();
        return db.Books.Include(b => b.Reviews).Include(b => b.Author).AsNoTracking().OrderBy(b => b.Id).ToList();
    }

    private static int Key(JsonElement row)
    {
        GlobalId.TryDecode(row.GetProperty("id").GetString(), out _, out var key);
        return int.Parse(key);
    }

    private static IEnumerable<JsonElement> Items(JsonElement array) => array.EnumerateArray();

    private static IEnumerable<string> Genres(JsonElement books) => Items(books).Select(b => b.GetProperty("genre").GetString()!);

    [StoreFact]
    public async Task Root_connection_list_and_count_hold_only_visible_rows()
    {
        var fiction = Books().Count(b => b.Genre == Genre.Fiction);
        var result = (await fixture.ExecuteAsync("{ books(first: 50) { totalCount nodes { genre } } allBooks { genre } }", user: Fiction)).AssertNoErrors();

        Assert.Equal(fiction, result.Data.GetProperty("books").GetProperty("totalCount").GetInt32());
        Assert.All(Genres(result.Data.GetProperty("books").GetProperty("nodes")), g => Assert.Equal("FICTION", g));
        Assert.Equal(fiction, Genres(result.Data.GetProperty("allBooks")).Count(g => g == "FICTION"));
        Assert.Equal(fiction, result.Data.GetProperty("allBooks").GetArrayLength());

        var everyone = (await fixture.ExecuteAsync("{ books(first: 1) { totalCount } }")).AssertNoErrors();
        Assert.Equal(60, everyone.Data.GetProperty("books").GetProperty("totalCount").GetInt32());
    }

    [StoreFact]
    public async Task A_hidden_single_root_row_is_null_without_an_error()
    {
        var science = Books().First(b => b.Genre == Genre.Science);
        var query = "query($isbn: String!) { book(isbn: $isbn) { title } manualBook(isbn: $isbn) { title } }";

        var hidden = (await fixture.ExecuteAsync(query, new { isbn = science.Isbn }, Fiction)).AssertNoErrors();
        Assert.Equal(JsonValueKind.Null, hidden.Data.GetProperty("book").ValueKind);
        Assert.Equal(JsonValueKind.Null, hidden.Data.GetProperty("manualBook").ValueKind);

        var visible = (await fixture.ExecuteAsync(query, new { isbn = science.Isbn }, "genre:Science")).AssertNoErrors();
        Assert.Equal(science.Title, visible.Data.GetProperty("book").GetProperty("title").GetString());
    }

    [StoreFact]
    public async Task Node_and_nodes_treat_a_hidden_row_as_an_unknown_id()
    {
        var books = Books();
        var fiction = books.First(b => b.Genre == Genre.Fiction);
        var science = books.First(b => b.Genre == Genre.Science);
        var query = $$"""
            {
              hidden: node(id: "{{GlobalId.Encode("Book", science.Id)}}") { id }
              unknown: node(id: "{{GlobalId.Encode("Book", 99999)}}") { id }
              nodes(ids: ["{{GlobalId.Encode("Book", fiction.Id)}}", "{{GlobalId.Encode("Book", science.Id)}}"]) { id }
              booksByKey(keys: [{{fiction.Id}}, {{science.Id}}]) { title }
            }
            """;

        var result = (await fixture.ExecuteAsync(query, user: Fiction)).AssertNoErrors();
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("hidden").ValueKind);
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("unknown").ValueKind);
        var nodes = result.Data.GetProperty("nodes");
        Assert.Equal(GlobalId.Encode("Book", fiction.Id), nodes[0].GetProperty("id").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[1].ValueKind);
        Assert.Equal(fiction.Title, result.Data.GetProperty("booksByKey")[0].GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("booksByKey")[1].ValueKind);
    }

    [StoreFact]
    public async Task A_nested_connection_and_its_total_count_hold_only_visible_rows()
    {
        var books = Books();
        var result = (await fixture.ExecuteAsync("{ authors(first: 6, order: [{ id: ASC }]) { nodes { id books(first: 50) { totalCount nodes { genre } } } } }", user: Fiction)).AssertNoErrors();

        foreach (var author in Items(result.Data.GetProperty("authors").GetProperty("nodes")))
        {
            GlobalId.TryDecode(author.GetProperty("id").GetString(), out _, out var key);
            var expected = books.Count(b => b.AuthorId == int.Parse(key) && b.Genre == Genre.Fiction);
            Assert.Equal(expected, author.GetProperty("books").GetProperty("totalCount").GetInt32());
            Assert.Equal(expected, Genres(author.GetProperty("books").GetProperty("nodes")).Count(g => g == "FICTION"));
            Assert.Equal(expected, author.GetProperty("books").GetProperty("nodes").GetArrayLength());
        }
    }

    [StoreFact]
    public async Task A_nested_list_holds_only_visible_rows()
    {
        var result = (await fixture.ExecuteAsync("{ allBooks { sameAuthor(first: 10) { genre } } }", user: Fiction)).AssertNoErrors();

        var nested = Items(result.Data.GetProperty("allBooks")).SelectMany(b => Genres(b.GetProperty("sameAuthor"))).ToList();
        Assert.NotEmpty(nested);
        Assert.All(nested, g => Assert.Equal("FICTION", g));
    }

    [StoreFact]
    public async Task A_limited_list_that_is_no_navigation_of_the_ruled_type_is_narrowed_before_its_limit()
    {
        var books = Books();
        var result = (await fixture.ExecuteAsync("{ authors(first: 6, order: [{ id: ASC }]) { nodes { id bestReviewsOfBooks(first: 3) { stars } } } }", user: ThreeStars)).AssertNoErrors();

        foreach (var author in Items(result.Data.GetProperty("authors").GetProperty("nodes")))
        {
            var expected = books.Where(b => b.AuthorId == Key(author)).SelectMany(b => b.Reviews).Where(r => r.Stars >= 3)
                .OrderByDescending(r => r.Stars).ThenBy(r => r.Id).Take(3).Select(r => r.Stars);
            Assert.Equal(expected, Items(author.GetProperty("bestReviewsOfBooks")).Select(r => r.GetProperty("stars").GetInt32()));
        }
    }

    [StoreTheory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_follow_up_page_single_parent_or_windowed_holds_only_visible_rows(bool singleParent)
    {
        // reviews is the chapters list's sibling: read by a follow-up statement, on its own for one parent (SingleParentPage)
        var books = Books();
        var book = books.OrderByDescending(b => b.Reviews.Count).First();
        var where = singleParent ? $"(where: {{ isbn: {{ eq: \"{book.Isbn}\" }} }})" : "";
        var query = $"{{ allBooks{where} {{ isbn chapters {{ number }} reviews(first: 50) {{ totalCount nodes {{ stars }} }} }} }}";

        var everyone = (await fixture.ExecuteAsync(query)).AssertNoErrors();
        var result = (await fixture.ExecuteAsync(query, user: ThreeStars)).AssertNoErrors();

        Assert.Equal(everyone.Sql.Count, result.Sql.Count);
        foreach (var row in Items(result.Data.GetProperty("allBooks")))
        {
            var expected = books.Single(b => b.Isbn == row.GetProperty("isbn").GetString()).Reviews.Count(r => r.Stars >= 3);
            var reviews = row.GetProperty("reviews");
            Assert.Equal(expected, reviews.GetProperty("totalCount").GetInt32());
            Assert.Equal(expected, reviews.GetProperty("nodes").GetArrayLength());
            Assert.All(Items(reviews.GetProperty("nodes")), r => Assert.True(r.GetProperty("stars").GetInt32() >= 3));
        }
    }

    [StoreFact]
    public async Task A_list_deferred_inside_a_nested_page_holds_only_visible_rows()
    {
        var query = "{ authors(first: 3) { nodes { books(first: 2) { nodes { author { books(first: 50) { totalCount nodes { genre } } } } } } } }";
        var everyone = (await fixture.ExecuteAsync(query)).AssertNoErrors();
        var result = (await fixture.ExecuteAsync(query, user: Fiction)).AssertNoErrors();

        Assert.Equal(everyone.Sql.Count, result.Sql.Count);
        var inner = Items(result.Data.GetProperty("authors").GetProperty("nodes"))
            .SelectMany(a => Items(a.GetProperty("books").GetProperty("nodes")))
            .Select(b => b.GetProperty("author").GetProperty("books")).ToList();
        Assert.NotEmpty(inner);
        Assert.All(inner, books => Assert.Equal(books.GetProperty("totalCount").GetInt32(), Genres(books.GetProperty("nodes")).Count(g => g == "FICTION")));
    }

    [StoreFact]
    public async Task A_nullable_reference_to_a_hidden_row_is_null_without_an_error()
    {
        using var db = fixture.CreateDb();
        var publishers = db.Authors.AsNoTracking().ToDictionary(a => a.Id, a => a.PublisherId);
        var result = (await fixture.ExecuteAsync("{ authors(first: 6) { nodes { id publisher { name } } } }", user: House1)).AssertNoErrors();

        var authors = Items(result.Data.GetProperty("authors").GetProperty("nodes")).ToList();
        Assert.Equal(6, authors.Count);
        Assert.All(authors, a => Assert.Equal(publishers[Key(a)] == 1, a.GetProperty("publisher").ValueKind != JsonValueKind.Null));
    }

    [StoreFact]
    public async Task A_nullable_reference_read_by_correlated_subqueries_inside_a_nested_page_hides_the_row_too()
    {
        // inside a limited page SQLite reads references by correlated subqueries (the reviewer, then its publisher)
        using var db = fixture.CreateDb();
        var publishers = db.Reviews.Select(r => new { r.Id, r.Reviewer.PublisherId }).ToDictionary(r => r.Id, r => r.PublisherId);
        var query = "{ books(first: 10) { nodes { reviews(first: 10) { nodes { id reviewer { publisher { name } } } } } } }";
        var everyone = (await fixture.ExecuteAsync(query)).AssertNoErrors();
        var result = (await fixture.ExecuteAsync(query, user: House1)).AssertNoErrors();

        Assert.Equal(everyone.Sql.Count, result.Sql.Count);
        var reviews = Items(result.Data.GetProperty("books").GetProperty("nodes"))
            .SelectMany(b => Items(b.GetProperty("reviews").GetProperty("nodes"))).ToList();
        Assert.Contains(reviews, r => r.GetProperty("reviewer").GetProperty("publisher").ValueKind == JsonValueKind.Null);
        Assert.All(reviews, r => Assert.Equal(publishers[Key(r)] == 1, r.GetProperty("reviewer").GetProperty("publisher").ValueKind != JsonValueKind.Null));
    }

    [StoreTheory]
    [InlineData("{ books(first: 50) { nodes { title author { name } } } }")]
    [InlineData("{ books(first: 10) { nodes { reviews(first: 10) { nodes { stars reviewer { name } } } } } }")]
    public async Task A_non_null_reference_to_a_hidden_row_is_an_authorization_error_never_a_server_error(string query)
    {
        var result = await fixture.ExecuteAsync(query, user: Publisher1);

        Assert.NotEmpty(result.ErrorCodes);
        Assert.All(result.ErrorCodes, code => Assert.Equal("AUTH_NOT_AUTHORIZED", code));
    }

    [StoreFact]
    public async Task A_computed_value_over_a_ruled_collection_counts_only_visible_rows()
    {
        var books = Books();
        var result = (await fixture.ExecuteAsync("""
            {
              allBooks(order: [{ id: ASC }]) { stats { count } }
              reviewed: books(where: { stats: { count: { gt: 0 } } }) { totalCount }
            }
            """, user: ThreeStars)).AssertNoErrors();

        Assert.Equal(books.Select(b => b.Reviews.Count(r => r.Stars >= 3)),
            Items(result.Data.GetProperty("allBooks")).Select(b => b.GetProperty("stats").GetProperty("count").GetInt32()));
        Assert.Equal(books.Count(b => b.Reviews.Any(r => r.Stars >= 3)), result.Data.GetProperty("reviewed").GetProperty("totalCount").GetInt32());
    }

    [StoreFact]
    public async Task Filters_through_a_relation_see_only_visible_rows()
    {
        var books = Books();
        var result = (await fixture.ExecuteAsync("""
            {
              science: authors(where: { books: { some: { genre: { eq: SCIENCE } } } }) { totalCount }
              onlyFiction: authors(where: { books: { all: { genre: { eq: FICTION } } } }) { totalCount }
              reviewsOfScience: reviews(where: { book: { genre: { eq: SCIENCE } } }) { totalCount }
              reviewsOfFiction: reviews(where: { book: { genre: { eq: FICTION } } }) { totalCount }
            }
            """, user: Fiction)).AssertNoErrors();

        Assert.Equal(0, result.Data.GetProperty("science").GetProperty("totalCount").GetInt32());
        Assert.Equal(6, result.Data.GetProperty("onlyFiction").GetProperty("totalCount").GetInt32());
        Assert.Equal(0, result.Data.GetProperty("reviewsOfScience").GetProperty("totalCount").GetInt32());
        Assert.Equal(books.Where(b => b.Genre == Genre.Fiction).Sum(b => b.Reviews.Count),
            result.Data.GetProperty("reviewsOfFiction").GetProperty("totalCount").GetInt32());
    }

    [StoreFact]
    public async Task Sorting_through_a_relation_orders_hidden_rows_as_if_they_had_no_value()
    {
        var books = Books();
        var expected = books.SelectMany(b => b.Reviews.Select(r => (r.Id, Title: b.Genre == Genre.Fiction ? b.Title : null)))
            .OrderBy(r => r.Title is not null).ThenBy(r => r.Title, StringComparer.Ordinal).ThenBy(r => r.Id)
            .Select(r => GlobalId.Encode("Review", r.Id)).ToList();

        // walked page by page: the cursors carry the rule's NULL keys
        var actual = new List<string>();
        string? after = null;
        do
        {
            var page = (await fixture.ExecuteAsync(
                "query($after: String) { reviews(first: 40, after: $after, order: [{ book: { title: ASC } }]) { pageInfo { hasNextPage endCursor } nodes { id } } }",
                new { after }, Fiction)).AssertNoErrors().Data.GetProperty("reviews");
            actual.AddRange(Items(page.GetProperty("nodes")).Select(n => n.GetProperty("id").GetString()!));
            after = page.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean() ? page.GetProperty("pageInfo").GetProperty("endCursor").GetString() : null;
        }
        while (after is not null);

        Assert.Equal(expected, actual);
    }
}

public sealed class RowRuleTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : RowRuleTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
