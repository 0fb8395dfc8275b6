using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Gateway.EntityFramework.Relay;

namespace Gateway.EntityFramework.Tests;

public class ProjectionTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task A_query_reads_only_the_selected_columns_and_keys()
    {
        var result = (await fixture.ExecuteAsync("{ books(first: 2, order: [{ title: ASC }]) { nodes { title } } }")).AssertNoErrors();
        var sql = Assert.Single(result.Sql.Statements);
        var select = sql[..sql.IndexOf("FROM", StringComparison.Ordinal)];
        Assert.Contains("\"Title\"", select);
        Assert.Contains("\"Id\"", select);
        foreach (var column in new[] { "Isbn", "Price", "Pages", "Subtitle", "Genre", "PublishedAt", "AuthorId", "Weight" })
        {
            Assert.DoesNotContain($"\"{column}\"", select);
        }
    }

    [StoreFact]
    public async Task Nested_connection_with_where_order_first_and_total_count_compiles_into_one_statement()
    {
        const string query = """
            query($size: Int!) {
              books(first: $size, order: [{ id: ASC }]) {
                nodes {
                  isbn
                  author { name publisher { name } }
                  stats { average count }
                  reviews(first: 2, where: { stars: { gte: 2 } }, order: [{ createdAt: DESC }]) {
                    totalCount
                    pageInfo { hasNextPage }
                    nodes { stars text reviewer { name } }
                  }
                }
              }
            }
            """;
        var small = (await fixture.ExecuteAsync(query, new { size = 5 })).AssertNoErrors();
        var large = (await fixture.ExecuteAsync(query, new { size = 50 })).AssertNoErrors();

        var sql = Assert.Single(small.Sql.Statements);
        Assert.Equal(1, large.Sql.Count);
        // SQLite has no LATERAL: EF Core pages each parent's rows with a window function there.
        Assert.Contains(fixture.OnPostgreSql ? "JOIN LATERAL" : "ROW_NUMBER() OVER(PARTITION BY", sql);
        Assert.DoesNotContain("APPLY", sql);

        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).Take(50).ToList();
        var nodes = large.Data.GetProperty("books").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(books.Count, nodes.Count);
        for (var i = 0; i < books.Count; i++)
        {
            var book = books[i];
            var node = nodes[i];
            var matching = book.Reviews.Where(r => r.Stars >= 2).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
            var reviews = node.GetProperty("reviews");
            Assert.Equal(book.Isbn, node.GetProperty("isbn").GetString());
            Assert.Equal(book.Author.Name, node.GetProperty("author").GetProperty("name").GetString());
            Assert.Equal(book.Author.Publisher?.Name, node.GetProperty("author").GetProperty("publisher") is { ValueKind: JsonValueKind.Object } p ? p.GetProperty("name").GetString() : null);
            Assert.Equal(book.Reviews.Count, node.GetProperty("stats").GetProperty("count").GetInt32());
            Assert.Equal(matching.Count, reviews.GetProperty("totalCount").GetInt32());
            Assert.Equal(matching.Count > 2, reviews.GetProperty("pageInfo").GetProperty("hasNextPage").GetBoolean());
            Assert.Equal(matching.Take(2).Select(r => r.Reviewer.Name), reviews.GetProperty("nodes").EnumerateArray().Select(r => r.GetProperty("reviewer").GetProperty("name").GetString()));
            Assert.Equal(matching.Take(2).Select(r => r.Text), reviews.GetProperty("nodes").EnumerateArray().Select(r => r.GetProperty("text").GetString()));
        }
    }

    [StoreFact]
    public async Task Aliases_of_one_field_with_different_arguments_project_separately()
    {
        var result = (await fixture.ExecuteAsync("""
            {
              cheap: books(first: 3, order: [{ price: ASC }]) { nodes { isbn p: price } }
              dear: books(first: 3, order: [{ price: DESC }]) { nodes { isbn p: pages } }
              allBooks(where: { isbn: { eq: "ISBN-012" } }) {
                isbn
                best: reviews(first: 1, order: [{ stars: DESC }]) { nodes { stars } }
                worst: reviews(first: 1, order: [{ stars: ASC }]) { nodes { stars } }
                recent: chapters(order: [{ number: DESC }]) { number }
                t1: title
                t2: title
              }
            }
            """)).AssertNoErrors();
        var books = LibraryData.Books(fixture);
        Assert.Equal(books.OrderBy(b => b.Price).ThenBy(b => b.Id).Take(3).Select(b => b.Isbn), LibraryData.Strings(result.Data.GetProperty("cheap").GetProperty("nodes"), "isbn"));
        Assert.Equal(books.OrderByDescending(b => b.Price).ThenBy(b => b.Id).Take(3).Select(b => b.Isbn), LibraryData.Strings(result.Data.GetProperty("dear").GetProperty("nodes"), "isbn"));
        Assert.Equal(JsonValueKind.Number, result.Data.GetProperty("dear").GetProperty("nodes")[0].GetProperty("p").ValueKind);
        var book = books.Single(b => b.Isbn == "ISBN-012");
        var row = result.Data.GetProperty("allBooks")[0];
        Assert.Equal(book.Reviews.Max(r => r.Stars), row.GetProperty("best").GetProperty("nodes")[0].GetProperty("stars").GetInt32());
        Assert.Equal(book.Reviews.Min(r => r.Stars), row.GetProperty("worst").GetProperty("nodes")[0].GetProperty("stars").GetInt32());
        Assert.Equal(book.Title, row.GetProperty("t2").GetString());
        // cheap, dear, allBooks with its first list joined, and one follow-up each for its two sibling lists
        Assert.Equal(5, result.Sql.Count);
    }

    [StoreFact]
    public async Task Fragments_inline_fragments_and_typename_project_their_fields()
    {
        var result = (await fixture.ExecuteAsync("""
            query {
              allBooks(where: { isbn: { eq: "ISBN-010" } }) {
                __typename
                ...BookParts
                ... on Book { author { ... on Author { __typename name } } }
                ... @include(if: false) { pages }
                price @skip(if: true)
              }
            }
            fragment BookParts on Book { title reviews(first: 1) { nodes { ...ReviewParts } } }
            fragment ReviewParts on Review { __typename stars }
            """)).AssertNoErrors();
        var book = LibraryData.Books(fixture).Single(b => b.Isbn == "ISBN-010");
        var row = result.Data.GetProperty("allBooks")[0];
        Assert.Equal("Book", row.GetProperty("__typename").GetString());
        Assert.Equal(book.Title, row.GetProperty("title").GetString());
        Assert.Equal("Author", row.GetProperty("author").GetProperty("__typename").GetString());
        Assert.Equal(book.Author.Name, row.GetProperty("author").GetProperty("name").GetString());
        Assert.Equal("Review", row.GetProperty("reviews").GetProperty("nodes")[0].GetProperty("__typename").GetString());
        Assert.False(row.TryGetProperty("pages", out _));
        Assert.False(row.TryGetProperty("price", out _));
        var select = result.Sql.Statements[0][..result.Sql.Statements[0].IndexOf("FROM", StringComparison.Ordinal)];
        Assert.DoesNotContain("\"Pages\"", select);
        Assert.DoesNotContain("\"Price\"", select);
    }

    [StoreFact]
    public async Task Argument_dependent_list_and_resolver_fields_work_beside_the_projection()
    {
        var result = (await fixture.ExecuteAsync("""
            { allBooks(where: { isbn: { in: ["ISBN-020", "ISBN-021"] } }, order: [{ id: ASC }]) { id externalLabel sameAuthor(first: 3) { isbn author { name } } } }
            """)).AssertNoErrors();
        var books = LibraryData.Books(fixture);
        foreach (var row in result.Data.GetProperty("allBooks").EnumerateArray())
        {
            Assert.True(GlobalId.TryDecode(row.GetProperty("id").GetString(), out _, out var key));
            Assert.Equal($"label-{key}", row.GetProperty("externalLabel").GetString());
            var book = books.Single(b => b.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) == key);
            var expected = books.Where(b => b.AuthorId == book.AuthorId && b.Id != book.Id).OrderBy(b => b.Id).Take(3).Select(b => b.Isbn);
            Assert.Equal(expected, LibraryData.Strings(row.GetProperty("sameAuthor"), "isbn"));
        }

        Assert.Single(result.Sql.Statements);
    }

    [StoreFact]
    public async Task A_list_excluding_its_parent_works_inside_a_nested_page()
    {
        var result = (await fixture.ExecuteAsync("""
            { authors(first: 2, order: [{ id: ASC }]) { nodes { books(first: 2, order: [{ id: ASC }]) { nodes { isbn sameAuthor(first: 1) { isbn } } } } } }
            """)).AssertNoErrors();
        var books = LibraryData.Books(fixture);
        foreach (var book in result.Data.GetProperty("authors").GetProperty("nodes").EnumerateArray().SelectMany(a => a.GetProperty("books").GetProperty("nodes").EnumerateArray()))
        {
            var source = books.Single(b => b.Isbn == book.GetProperty("isbn").GetString());
            var expected = books.Where(b => b.AuthorId == source.AuthorId && b.Id != source.Id).OrderBy(b => b.Id).Take(1).Select(b => b.Isbn);
            Assert.Equal(expected, LibraryData.Strings(book.GetProperty("sameAuthor"), "isbn"));
        }

        // SQLite loads the list inside the nested page by a follow-up query; PostgreSQL joins it LATERAL in the same one.
        Assert.Equal(fixture.OnPostgreSql ? 1 : 2, result.Sql.Count);
    }

    [StoreFact]
    public async Task Private_fields_need_their_policy_to_be_read_filtered_or_sorted()
    {
        var anonymous = await fixture.ExecuteAsync("{ authors(first: 2, order: [{ id: ASC }]) { nodes { name email } } }");
        Assert.Contains("AUTH_NOT_AUTHORIZED", anonymous.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, anonymous.Data.GetProperty("authors").GetProperty("nodes")[0].GetProperty("email").ValueKind);

        var filtered = await fixture.ExecuteAsync("{ authors(where: { email: { eq: \"x\" } }) { nodes { name } } }");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], filtered.ErrorCodes);
        Assert.Empty(filtered.Sql.Statements);
        var sorted = await fixture.ExecuteAsync("{ authors(order: [{ email: ASC }]) { nodes { name } } }");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], sorted.ErrorCodes);

        var nested = await fixture.ExecuteAsync("{ book(isbn: \"ISBN-001\") { reviews(where: { reviewer: { email: { eq: \"x\" } } }) { totalCount } } }");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], nested.ErrorCodes);
        Assert.Empty(nested.Sql.Statements);

        var signedIn = (await fixture.ExecuteAsync("{ authors(first: 2, where: { email: { neq: null } }, order: [{ email: ASC }]) { nodes { email } } }", user: "someone")).AssertNoErrors();
        Assert.Equal(["author2@example.com", "author4@example.com"], LibraryData.Strings(signedIn.Data.GetProperty("authors").GetProperty("nodes"), "email"));
    }

    [StoreFact]
    public async Task Policies_see_the_row_resource_which_defaults_to_the_id()
    {
        var owner = LibraryData.Books(fixture).Select(b => b.Author).First(a => a.Email is not null);
        var result = await fixture.ExecuteAsync("{ authors(first: 6, order: [{ id: ASC }]) { nodes { id email } } }", user: $"author:{owner.Id}");
        var nodes = result.Data.GetProperty("authors").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(6, nodes.Count);
        foreach (var node in nodes)
        {
            Assert.True(GlobalId.TryParse<int>(node.GetProperty("id").GetString(), "Author", out var id));
            if (id == owner.Id)
            {
                Assert.Equal(owner.Email, node.GetProperty("email").GetString());
            }
            else
            {
                Assert.Equal(JsonValueKind.Null, node.GetProperty("email").ValueKind);
            }
        }

        Assert.Equal(5, result.ErrorCodes.Count(c => c == "AUTH_NOT_AUTHORIZED"));
        var filter = await fixture.ExecuteAsync("{ authors(where: { email: { eq: \"author2@example.com\" } }) { nodes { name } } }", user: $"author:{owner.Id}");
        Assert.Equal(["AUTH_NOT_AUTHORIZED"], filter.ErrorCodes);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ProjectionTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : ProjectionTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
