using Gateway.Testing.PostgreSql;
using System.Text.Json;
using Gateway.EntityFramework.Relay;

namespace Gateway.EntityFramework.Tests;

public class RelayTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task Node_resolves_an_entity_by_its_global_id_with_a_projected_query()
    {
        var book = LibraryData.Books(fixture).OrderBy(b => b.Id).Skip(7).First();
        var id = GlobalId.Encode("Book", book.Id);
        var result = (await fixture.ExecuteAsync("query($id: ID!) { node(id: $id) { __typename id ... on Book { title author { name } } } }", new { id })).AssertNoErrors();
        var node = result.Data.GetProperty("node");
        Assert.Equal("Book", node.GetProperty("__typename").GetString());
        Assert.Equal(id, node.GetProperty("id").GetString());
        Assert.Equal(book.Title, node.GetProperty("title").GetString());
        Assert.Equal(book.Author.Name, node.GetProperty("author").GetProperty("name").GetString());
        var sql = Assert.Single(result.Sql.Statements);
        Assert.DoesNotContain("\"Pages\"", sql);
    }

    [StoreFact]
    public async Task Node_fields_with_the_same_selection_share_one_batched_statement()
    {
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).Take(3).ToList();
        var result = (await fixture.ExecuteAsync("""
            query($a: ID!, $b: ID!, $c: ID!, $author: ID!) {
              a: node(id: $a) { ...BookCard }
              b: node(id: $b) { ...BookCard }
              again: node(id: $a) { ...BookCard }
              c: node(id: $c) { id }
              author: node(id: $author) { id }
            }
            fragment BookCard on Book { title }
            """, new
        {
            a = GlobalId.Encode("Book", books[0].Id),
            b = GlobalId.Encode("Book", books[1].Id),
            c = GlobalId.Encode("Book", books[2].Id),
            author = GlobalId.Encode("Author", books[0].AuthorId),
        })).AssertNoErrors();

        Assert.Equal(books[0].Title, result.Data.GetProperty("a").GetProperty("title").GetString());
        Assert.Equal(books[1].Title, result.Data.GetProperty("b").GetProperty("title").GetString());
        Assert.Equal(books[0].Title, result.Data.GetProperty("again").GetProperty("title").GetString());
        Assert.Equal(GlobalId.Encode("Book", books[2].Id), result.Data.GetProperty("c").GetProperty("id").GetString());
        // a, b and again: one batch (again from its cache); c selects otherwise; the author is another type
        Assert.Equal(3, result.Sql.Count);
    }

    [StoreFact]
    public async Task Nodes_run_one_query_per_type_keep_order_and_return_null_for_unknown_ids()
    {
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).ToList();
        string[] ids =
        [
            GlobalId.Encode("Book", books[4].Id),
            GlobalId.Encode("Author", books[0].AuthorId),
            GlobalId.Encode("Book", 99999),
            GlobalId.Encode("Book", books[1].Id),
            GlobalId.Encode("Review", books[10].Reviews.Count > 0 ? books[10].Reviews[0].Id : 1),
            GlobalId.Encode("Book", books[4].Id),
            GlobalId.Encode("Unknown", 1),
        ];
        var result = (await fixture.ExecuteAsync("""
            query($ids: [ID!]!) { nodes(ids: $ids) { id ... on Book { isbn } ... on Author { name } ... on Review { stars } } }
            """, new { ids })).AssertNoErrors();
        var nodes = result.Data.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(ids.Length, nodes.Count);
        Assert.Equal(books[4].Isbn, nodes[0].GetProperty("isbn").GetString());
        Assert.Equal(books[0].Author.Name, nodes[1].GetProperty("name").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[2].ValueKind);
        Assert.Equal(books[1].Isbn, nodes[3].GetProperty("isbn").GetString());
        Assert.True(nodes[4].TryGetProperty("stars", out _));
        Assert.Equal(books[4].Isbn, nodes[5].GetProperty("isbn").GetString());
        Assert.Equal(JsonValueKind.Null, nodes[6].ValueKind);
        Assert.Equal(3, result.Sql.Count);
        Assert.All(result.Sql.Statements, sql => Assert.Contains("WHERE", sql, StringComparison.Ordinal));
    }

    [StoreFact]
    public async Task Malformed_ids_are_field_errors_never_server_errors()
    {
        var node = await fixture.ExecuteAsync("{ node(id: \"@@not base64@@\") { id } }");
        Assert.Equal(["INVALID_ID"], node.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, node.Data.GetProperty("node").ValueKind);

        var wrongKey = await fixture.ExecuteAsync($"{{ node(id: \"{GlobalId.Encode("Book", "abc")}\") {{ id }} }}");
        Assert.Equal(["INVALID_ID"], wrongKey.ErrorCodes);

        var nodes = await fixture.ExecuteAsync($"{{ nodes(ids: [\"bad\", \"{GlobalId.Encode("Book", LibraryData.Books(fixture)[0].Id)}\"]) {{ id }} }}");
        Assert.Equal(["INVALID_ID"], nodes.ErrorCodes);
        Assert.Equal(JsonValueKind.Null, nodes.Data.GetProperty("nodes")[0].ValueKind);
        Assert.Equal(JsonValueKind.Object, nodes.Data.GetProperty("nodes")[1].ValueKind);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class RelayTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : RelayTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
