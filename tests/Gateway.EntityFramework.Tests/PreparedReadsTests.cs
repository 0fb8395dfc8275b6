using System.Text.Json;
using Gateway.EntityFramework.Relay;
using Gateway.Testing.PostgreSql;
using GraphQLParser;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A node read and its follow-up reads are built once per document, selection and variables, and run again for the
/// next request with its own key (Execution/PreparedRead.cs). Every answer and statement must be what a freshly parsed
/// document gives (which prepares nothing from before), whatever keys, variables and callers come one after another.
/// </summary>
public class PreparedReadsTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    // The reviews page and the list of the author's other books are follow-up reads of the book's row.
    private const string BookPage = """
        query($id: ID!, $reviews: Int!, $stars: Int) {
          node(id: $id) {
            id
            ... on Book {
              title price
              author { name publisher { name } }
              reviews(first: $reviews, where: { stars: { gte: $stars } }, order: [{ createdAt: DESC }]) {
                totalCount pageInfo { hasNextPage endCursor } nodes { stars reviewer { name } }
              }
              sameAuthor(first: 2) { title reviews(first: 1) { nodes { stars } } }
            }
          }
        }
        """;

    [StoreFact]
    public async Task Each_key_and_variable_of_one_document_gets_a_fresh_documents_answer_and_statements()
    {
        var document = Parser.Parse(BookPage);
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).Select(b => b.Id).ToList();
        var requests = books.Take(6).Select(id => (id, reviews: 2, stars: (int?)null))
            .Concat([(books[0], 3, 4), (books[1], 2, null), (books[0], 3, 4), (books[^1], 1, 1), (books[2], 2, null)]);

        foreach (var (id, reviews, stars) in requests)
        {
            var variables = new { id = GlobalId.Encode("Book", id), reviews, stars };
            var shared = (await fixture.ExecuteAsync(document, variables)).AssertNoErrors();
            var fresh = (await fixture.ExecuteAsync(BookPage, variables)).AssertNoErrors();

            Assert.Equal(Json(fresh.Data), Json(shared.Data));
            Assert.Equal(fresh.Sql.Statements, shared.Sql.Statements);
        }
    }

    // Root reads have no slot: a read is kept per value of the variables the field uses, cursors included.
    private const string Shelf = """
        query($first: Int!, $max: Decimal, $after: String, $counted: Boolean!) {
          books(first: $first, after: $after, where: { price: { lt: $max } }, order: [{ price: DESC }, { id: ASC }]) {
            totalCount @include(if: $counted)
            pageInfo { hasNextPage endCursor }
            nodes { title author { name } reviews(first: 2) { nodes { stars reviewer { name } } } }
          }
          publishers { name authors { name } }
        }
        """;

    [StoreFact]
    public async Task Root_pages_and_lists_of_one_document_get_a_fresh_documents_answer_for_each_variable()
    {
        var document = Parser.Parse(Shelf);
        string? after = null;
        foreach (var (first, max, counted) in new (int, decimal?, bool)[] { (2, null, false), (2, null, false), (3, 15m, false), (2, null, true), (2, null, false), (3, 15m, false) })
        {
            var variables = new { first, max, after, counted };
            var shared = (await fixture.ExecuteAsync(document, variables)).AssertNoErrors();
            var fresh = (await fixture.ExecuteAsync(Shelf, variables)).AssertNoErrors();

            Assert.Equal(Json(fresh.Data), Json(shared.Data));
            // The same statements; the two root fields run side by side, so on PostgreSQL (truly asynchronous) in
            // either order.
            Assert.Equal(fresh.Sql.Statements.Order(), shared.Sql.Statements.Order());
            // The next request asks the page after this one: another value of $after, so another read.
            after = shared.Data.GetProperty("books").GetProperty("pageInfo").GetProperty("endCursor").GetString();
        }
    }

    [StoreFact]
    public async Task A_caller_with_row_rules_never_runs_a_read_prepared_for_anonymous_callers()
    {
        var document = Parser.Parse(BookPage);
        var books = LibraryData.Books(fixture).OrderBy(b => b.Id).ToList();
        var notFiction = books.First(b => b.Genre != Model.Genre.Fiction);
        var variables = new { id = GlobalId.Encode("Book", notFiction.Id), reviews = 2, stars = (int?)null };

        var anonymous = (await fixture.ExecuteAsync(document, variables)).AssertNoErrors();
        var fictionReader = (await fixture.ExecuteAsync(document, variables, user: "genre:Fiction")).AssertNoErrors();
        var anonymousAgain = (await fixture.ExecuteAsync(document, variables)).AssertNoErrors();
        var threeStars = (await fixture.ExecuteAsync(document, variables, user: "stars:3")).AssertNoErrors();
        var threeStarsFresh = (await fixture.ExecuteAsync(BookPage, variables, user: "stars:3")).AssertNoErrors();

        Assert.Equal(notFiction.Title, anonymous.Data.GetProperty("node").GetProperty("title").GetString());
        Assert.Equal(JsonValueKind.Null, fictionReader.Data.GetProperty("node").ValueKind);
        Assert.Equal(Json(anonymous.Data), Json(anonymousAgain.Data));
        Assert.Equal(Json(threeStarsFresh.Data), Json(threeStars.Data));
    }

    private static string Json(JsonElement element) => JsonSerializer.Serialize(element);
}

public sealed class PreparedReadsTestsOnPostgreSql(PostgreSqlLibraryFixture fixture)
    : PreparedReadsTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
