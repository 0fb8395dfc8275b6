using Gateway.Testing.PostgreSql;
using Gateway.EntityFramework.Tests.Model;

namespace Gateway.EntityFramework.Tests;

public class SortingTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task Multi_key_sort_in_both_directions_breaks_ties_by_id()
    {
        var result = (await fixture.ExecuteAsync("{ allBooks(order: [{ genre: ASC }, { price: DESC }]) { isbn } }")).AssertNoErrors();
        var expected = LibraryData.Books(fixture).OrderBy(b => b.Genre).ThenByDescending(b => b.Price).ThenBy(b => b.Id).Select(b => b.Isbn);
        Assert.Equal(expected, LibraryData.Strings(result.Data.GetProperty("allBooks"), "isbn"));
        var sql = Assert.Single(result.Sql.Statements);
        // Quotes aside: Npgsql leaves table aliases unquoted.
        Assert.Contains("ORDER BY b.Genre, b.Price DESC, b.Id", sql.Replace("\"", ""));
    }

    [StoreFact]
    public async Task Sort_by_nested_reference_then_scalar()
    {
        var result = (await fixture.ExecuteAsync("{ allBooks(order: [{ author: { name: DESC } }, { title: ASC }]) { isbn } }")).AssertNoErrors();
        var expected = LibraryData.Books(fixture).OrderByDescending(b => b.Author.Name).ThenBy(b => b.Title, StringComparer.Ordinal).ThenBy(b => b.Id).Select(b => b.Isbn);
        Assert.Equal(expected, LibraryData.Strings(result.Data.GetProperty("allBooks"), "isbn"));
    }

    [StoreFact]
    public async Task Sort_by_nullable_and_embedded_values()
    {
        var result = (await fixture.ExecuteAsync("{ allBooks(order: [{ subtitle: DESC }, { stats: { average: ASC } }, { id: DESC }]) { isbn } }")).AssertNoErrors();
        var expected = LibraryData.Books(fixture)
            .OrderByDescending(b => b.Subtitle, StringComparer.Ordinal)
            .ThenBy(b => b.Reviews.Count == 0 ? (double?)null : b.Reviews.Average(r => r.Stars))
            .ThenByDescending(b => b.Id).Select(b => b.Isbn);
        Assert.Equal(expected, LibraryData.Strings(result.Data.GetProperty("allBooks"), "isbn"));
    }

    [StoreFact]
    public async Task Sort_input_with_two_fields_is_an_error()
    {
        var result = await fixture.ExecuteAsync("{ allBooks(order: [{ title: ASC, price: DESC }]) { isbn } }");
        Assert.Equal(["SORT_INVALID"], result.ErrorCodes);
        Assert.Empty(result.Sql.Statements);
    }

    [StoreFact]
    public async Task Unexposed_and_opted_out_fields_are_not_in_the_inputs()
    {
        var result = await fixture.ExecuteAsync("{ allBooks(order: [{ secretCode: ASC }]) { isbn } }");
        Assert.True(result.HasErrors);
        var filter = await fixture.ExecuteAsync("{ allBooks(where: { authorId: { eq: 1 } }) { isbn } }");
        Assert.True(filter.HasErrors);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SortingTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : SortingTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
