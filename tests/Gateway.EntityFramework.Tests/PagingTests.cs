using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Gateway.EntityFramework.Tests.Model;

namespace Gateway.EntityFramework.Tests;

public class PagingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private const string Page = "totalCount pageInfo { hasNextPage hasPreviousPage startCursor endCursor } edges { cursor node { isbn } } nodes { isbn }";

    public static TheoryData<string, int> Orders => new()
    {
        { "[{ price: ASC }]", 7 },
        { "[{ genre: DESC }, { price: ASC }]", 9 },
        { "[{ subtitle: ASC }, { pages: DESC }]", 8 },
        { "[{ author: { name: DESC } }, { publishedAt: ASC }]", 11 },
        { "[{ inPrint: ASC }, { id: DESC }]", 13 },
    };

    [StoreTheory]
    [MemberData(nameof(Orders))]
    public async Task Walking_forward_visits_every_row_once_in_order(string order, int size)
    {
        var expected = Expected(order);
        var seen = new List<string>();
        string? after = null;
        for (var pageNumber = 0; pageNumber < 20; pageNumber++)
        {
            var result = (await fixture.ExecuteAsync($"query($after: String) {{ books(first: {size}, after: $after, order: {order}) {{ {Page} }} }}", new { after })).AssertNoErrors();
            var books = result.Data.GetProperty("books");
            var pageInfo = books.GetProperty("pageInfo");
            seen.AddRange(LibraryData.Strings(books.GetProperty("nodes"), "isbn"));
            Assert.Equal(expected.Count, books.GetProperty("totalCount").GetInt32());
            Assert.Equal(after is not null, pageInfo.GetProperty("hasPreviousPage").GetBoolean());
            AssertEdgesMatchNodes(books);
            if (!pageInfo.GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = pageInfo.GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected, seen);
    }

    [StoreTheory]
    [MemberData(nameof(Orders))]
    public async Task Walking_backward_visits_every_row_once_in_order(string order, int size)
    {
        var expected = Expected(order);
        var seen = new List<string>();
        string? before = null;
        for (var pageNumber = 0; pageNumber < 20; pageNumber++)
        {
            var result = (await fixture.ExecuteAsync($"query($before: String) {{ books(last: {size}, before: $before, order: {order}) {{ {Page} }} }}", new { before })).AssertNoErrors();
            var books = result.Data.GetProperty("books");
            var pageInfo = books.GetProperty("pageInfo");
            seen.InsertRange(0, LibraryData.Strings(books.GetProperty("nodes"), "isbn"));
            Assert.Equal(before is not null, pageInfo.GetProperty("hasNextPage").GetBoolean());
            if (!pageInfo.GetProperty("hasPreviousPage").GetBoolean())
            {
                break;
            }

            before = pageInfo.GetProperty("startCursor").GetString();
        }

        Assert.Equal(expected, seen);
    }

    [StoreFact]
    public async Task Default_page_size_is_ten()
    {
        var result = (await fixture.ExecuteAsync("{ books { nodes { isbn } pageInfo { hasNextPage } } }")).AssertNoErrors();
        Assert.Equal(10, result.Data.GetProperty("books").GetProperty("nodes").GetArrayLength());
        Assert.True(result.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [StoreFact]
    public async Task A_deep_page_is_a_keyset_seek_not_an_offset()
    {
        var first = (await fixture.ExecuteAsync("{ books(first: 40, order: [{ price: DESC }]) { pageInfo { endCursor } } }")).AssertNoErrors();
        var cursor = first.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var result = (await fixture.ExecuteAsync("query($c: String) { books(first: 5, after: $c, where: { pages: { gt: 100 } }, order: [{ price: DESC }]) { nodes { isbn } } }", new { c = cursor })).AssertNoErrors();
        var sql = Assert.Single(result.Sql.Statements);
        Assert.Contains("WHERE", sql);
        // Quotes aside: Npgsql leaves table aliases unquoted.
        Assert.Contains("ORDER BY b.Price DESC, b.Id", sql.Replace("\"", ""));
        Assert.Contains("LIMIT", sql);
        Assert.DoesNotContain("OFFSET", sql);
        var expected = Expected("[{ price: DESC }]").Skip(40).Where(isbn => LibraryData.Books(fixture).Single(b => b.Isbn == isbn).Pages > 100).Take(5);
        Assert.Equal(expected, LibraryData.Strings(result.Data.GetProperty("books").GetProperty("nodes"), "isbn"));
    }

    [StoreFact]
    public async Task First_zero_returns_an_empty_page_that_knows_more_exist()
    {
        var result = (await fixture.ExecuteAsync("{ books(first: 0) { totalCount pageInfo { hasNextPage startCursor } nodes { isbn } } }")).AssertNoErrors();
        var books = result.Data.GetProperty("books");
        Assert.Equal(0, books.GetProperty("nodes").GetArrayLength());
        Assert.True(books.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
        Assert.Equal(JsonValueKind.Null, books.GetProperty("pageInfo").GetProperty("startCursor").ValueKind);
        Assert.Equal(60, books.GetProperty("totalCount").GetInt32());
    }

    [StoreFact]
    public async Task Nested_connection_pages_backward_before_a_cursor()
    {
        var book = LibraryData.Books(fixture).OrderByDescending(b => b.Reviews.Count).ThenBy(b => b.Id).First();
        var ordered = book.Reviews.OrderBy(r => r.CreatedAt).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        const string query = "query($isbn: String!, $before: String) { book(isbn: $isbn) { reviews(last: 2, before: $before, order: [{ createdAt: ASC }]) { pageInfo { hasPreviousPage hasNextPage startCursor } nodes { id } } } }";
        var last = (await fixture.ExecuteAsync(query, new { isbn = book.Isbn, before = (string?)null })).AssertNoErrors();
        var lastPage = last.Data.GetProperty("book").GetProperty("reviews");
        Assert.Equal(ordered.TakeLast(2), lastPage.GetProperty("nodes").EnumerateArray().Select(n => ReviewId(n.GetProperty("id").GetString()!)));
        Assert.True(lastPage.GetProperty("pageInfo").GetProperty("hasPreviousPage").GetBoolean());
        Assert.False(lastPage.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());

        var before = lastPage.GetProperty("pageInfo").GetProperty("startCursor").GetString();
        var previous = (await fixture.ExecuteAsync(query, new { isbn = book.Isbn, before })).AssertNoErrors();
        var previousPage = previous.Data.GetProperty("book").GetProperty("reviews");
        Assert.Equal(ordered.SkipLast(2).TakeLast(2), previousPage.GetProperty("nodes").EnumerateArray().Select(n => ReviewId(n.GetProperty("id").GetString()!)));
        Assert.True(previousPage.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
    }

    [StoreFact]
    public async Task Total_count_costs_a_statement_only_when_selected()
    {
        var without = (await fixture.ExecuteAsync("{ books(first: 3) { nodes { isbn } } }")).AssertNoErrors();
        Assert.Single(without.Sql.Statements);
        var with = (await fixture.ExecuteAsync("{ books(first: 3) { totalCount nodes { isbn } } }")).AssertNoErrors();
        Assert.Equal(2, with.Sql.Count);
        Assert.Equal(60, with.Data.GetProperty("books").GetProperty("totalCount").GetInt32());
    }

    [StoreTheory]
    [InlineData("first: 2, last: 2", "PAGING_FIRST_AND_LAST")]
    [InlineData("first: -1", "PAGING_NEGATIVE_SIZE")]
    [InlineData("last: -5", "PAGING_NEGATIVE_SIZE")]
    [InlineData("first: 51", "PAGING_MAX_SIZE_EXCEEDED")]
    [InlineData("after: \"bm90IGEgY3Vyc29y\"", "PAGING_INVALID_CURSOR")]
    [InlineData("after: \"%%%\"", "PAGING_INVALID_CURSOR")]
    [InlineData("before: \"eyJPIjoicHJpY2U6QVNDLCNJZDpBU0MiLCJLIjpbIngiLDFdfQ==\"", "PAGING_INVALID_CURSOR")]
    public async Task Invalid_paging_arguments_are_field_errors_with_codes(string arguments, string code)
    {
        var result = await fixture.ExecuteAsync($"{{ books({arguments}, order: [{{ price: ASC }}]) {{ nodes {{ isbn }} }} publishers {{ name }} }}");
        Assert.Equal([code], result.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, result.Data.GetProperty("books").ValueKind);
        Assert.Equal(3, result.Data.GetProperty("publishers").GetArrayLength());
    }

    [StoreFact]
    public async Task An_oversized_cursor_is_rejected_without_decoding_it()
    {
        var cursor = Convert.ToBase64String(new byte[8192]);
        var result = await fixture.ExecuteAsync("query($c: String) { books(after: $c) { nodes { isbn } } }", new { c = cursor });
        Assert.Equal(["PAGING_INVALID_CURSOR"], result.ErrorCodes);
        Assert.True(result.Json.GetProperty("errors")[0].GetProperty("message").GetString()!.Length < 200);
    }

    [StoreFact]
    public async Task A_cursor_from_another_sort_order_is_rejected()
    {
        var first = (await fixture.ExecuteAsync("{ books(first: 2, order: [{ price: ASC }]) { pageInfo { endCursor } } }")).AssertNoErrors();
        var cursor = first.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        var result = await fixture.ExecuteAsync("query($c: String) { books(first: 2, after: $c, order: [{ title: ASC }]) { nodes { isbn } } }", new { c = cursor });
        Assert.Equal(["PAGING_CURSOR_ORDER_MISMATCH"], result.ErrorCodes);
    }

    [StoreFact]
    public async Task Nested_connection_pages_forward_with_its_own_cursor()
    {
        var book = LibraryData.Books(fixture).OrderByDescending(b => b.Reviews.Count).ThenBy(b => b.Id).First();
        var expected = book.Reviews.OrderByDescending(r => r.Stars).ThenBy(r => r.Id).Select(r => r.Id).ToList();
        var query = "query($isbn: String!, $after: String) { book(isbn: $isbn) { reviews(first: 3, after: $after, order: [{ stars: DESC }]) { pageInfo { hasNextPage endCursor } nodes { id } } } }";
        var seen = new List<int>();
        string? after = null;
        for (var pageNumber = 0; pageNumber < 10; pageNumber++)
        {
            var result = (await fixture.ExecuteAsync(query, new { isbn = book.Isbn, after })).AssertNoErrors();
            var reviews = result.Data.GetProperty("book").GetProperty("reviews");
            seen.AddRange(reviews.GetProperty("nodes").EnumerateArray().Select(n => ReviewId(n.GetProperty("id").GetString()!)));
            Assert.Single(result.Sql.Statements);
            if (!reviews.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean())
            {
                break;
            }

            after = reviews.GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }

        Assert.Equal(expected, seen);
    }

    private static int ReviewId(string globalId) =>
        Relay.GlobalId.TryDecode(globalId, out _, out var key) ? int.Parse(key, System.Globalization.CultureInfo.InvariantCulture) : -1;

    private static void AssertEdgesMatchNodes(JsonElement connection)
    {
        var edges = connection.GetProperty("edges").EnumerateArray().ToList();
        Assert.Equal(LibraryData.Strings(connection.GetProperty("nodes"), "isbn"), edges.Select(e => e.GetProperty("node").GetProperty("isbn").GetString()));
        Assert.Equal(edges.Count, edges.Select(e => e.GetProperty("cursor").GetString()).Distinct().Count());
        if (edges.Count > 0)
        {
            Assert.Equal(edges[0].GetProperty("cursor").GetString(), connection.GetProperty("pageInfo").GetProperty("startCursor").GetString());
            Assert.Equal(edges[^1].GetProperty("cursor").GetString(), connection.GetProperty("pageInfo").GetProperty("endCursor").GetString());
        }
    }

    private List<string> Expected(string order)
    {
        IEnumerable<Book> books = LibraryData.Books(fixture);
        IOrderedEnumerable<Book> sorted = order switch
        {
            "[{ price: ASC }]" => books.OrderBy(b => b.Price),
            "[{ price: DESC }]" => books.OrderByDescending(b => b.Price),
            "[{ genre: DESC }, { price: ASC }]" => books.OrderByDescending(b => b.Genre).ThenBy(b => b.Price),
            "[{ subtitle: ASC }, { pages: DESC }]" => books.OrderBy(b => b.Subtitle, StringComparer.Ordinal).ThenByDescending(b => b.Pages),
            "[{ author: { name: DESC } }, { publishedAt: ASC }]" => books.OrderByDescending(b => b.Author.Name, StringComparer.Ordinal).ThenBy(b => b.PublishedAt),
            "[{ inPrint: ASC }, { id: DESC }]" => books.OrderBy(b => b.InPrint).ThenByDescending(b => b.Id),
            _ => throw new ArgumentOutOfRangeException(nameof(order)),
        };
        return sorted.ThenBy(b => b.Id).Select(b => b.Isbn).ToList();
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class PagingTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : PagingTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
