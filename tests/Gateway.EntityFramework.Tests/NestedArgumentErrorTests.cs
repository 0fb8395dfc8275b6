using Gateway.Testing.PostgreSql;
using System.Text.Json;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A refused argument of a nested field (page size, cursor, order) is that field's error: the field is null with
/// its own path, its parent and siblings are answered, as if each field had been resolved on its own.
/// </summary>
public class NestedArgumentErrorTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task A_nested_connection_with_a_refused_page_size_is_null_and_its_parent_is_kept()
    {
        var result = await fixture.ExecuteAsync(
            "{ books(first: 2, order: [{ id: ASC }]) { nodes { isbn reviews(first: 51) { nodes { id } } } } }");

        Assert.Equal(["PAGING_MAX_SIZE_EXCEEDED", "PAGING_MAX_SIZE_EXCEEDED"], result.ErrorCodes);
        Assert.Equal(["books/nodes/0/reviews", "books/nodes/1/reviews"], Paths(result));
        var nodes = result.Data.GetProperty("books").GetProperty("nodes");
        Assert.Equal(2, nodes.GetArrayLength());
        foreach (var node in nodes.EnumerateArray())
        {
            Assert.Equal(JsonValueKind.String, node.GetProperty("isbn").ValueKind);
            Assert.Equal(JsonValueKind.Null, node.GetProperty("reviews").ValueKind);
        }
    }

    [StoreFact]
    public async Task A_refused_cursor_under_a_reference_nulls_only_that_field()
    {
        var result = await fixture.ExecuteAsync(
            "{ books(first: 1, order: [{ id: ASC }]) { nodes { title author { name books(first: 2, after: \"%%%\") { nodes { isbn } } } } } }");

        Assert.Equal(["PAGING_INVALID_CURSOR"], result.ErrorCodes);
        Assert.Equal(["books/nodes/0/author/books"], Paths(result));
        var author = result.Data.GetProperty("books").GetProperty("nodes")[0].GetProperty("author");
        Assert.Equal(JsonValueKind.String, author.GetProperty("name").ValueKind);
        Assert.Equal(JsonValueKind.Null, author.GetProperty("books").ValueKind);
    }

    [StoreFact]
    public async Task A_refused_argument_in_a_follow_up_collection_nulls_only_that_field()
    {
        // A page nested in a page loads through its own follow-up statement; its error still lands on it.
        var result = await fixture.ExecuteAsync(
            "{ authors(first: 1, order: [{ id: ASC }]) { nodes { name books(first: 1, order: [{ id: ASC }]) { nodes { isbn reviews(first: 2, last: 2) { nodes { id } } } } } } }");

        Assert.Equal(["PAGING_FIRST_AND_LAST"], result.ErrorCodes);
        Assert.Equal(["authors/nodes/0/books/nodes/0/reviews"], Paths(result));
        var book = result.Data.GetProperty("authors").GetProperty("nodes")[0].GetProperty("books").GetProperty("nodes")[0];
        Assert.Equal(JsonValueKind.String, book.GetProperty("isbn").ValueKind);
        Assert.Equal(JsonValueKind.Null, book.GetProperty("reviews").ValueKind);
    }

    [StoreFact]
    public async Task A_root_field_with_a_refused_argument_is_still_its_own_error()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 51) { nodes { isbn } } publishers { name } }");

        Assert.Equal(["PAGING_MAX_SIZE_EXCEEDED"], result.ErrorCodes);
        Assert.Equal(["books"], Paths(result));
        Assert.Equal(3, result.Data.GetProperty("publishers").GetArrayLength());
    }

    private static List<string> Paths(GraphResult result) =>
        [.. result.Json.GetProperty("errors").EnumerateArray()
            .Select(e => string.Join("/", e.GetProperty("path").EnumerateArray().Select(p => p.ToString())))];
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class NestedArgumentErrorTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : NestedArgumentErrorTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
