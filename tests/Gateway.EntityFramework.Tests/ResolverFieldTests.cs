using Gateway.Testing.PostgreSql;
using Gateway.EntityFramework.Tests.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// A field with its own resolver beside projected ones (<see cref="StockRoomFields"/>): the engine projects the key it
/// declares in the same statements as the rest of the row, and the resolver's DataLoader gets every parent's key in
/// one call per request, however many parents and wherever they sit in the response.
/// </summary>
public class ResolverFieldTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    private StockRoomCalls Calls => fixture.Services.GetRequiredService<StockRoomCalls>();

    [StoreTheory]
    [InlineData(2)]
    [InlineData(20)]
    public async Task A_page_of_books_makes_one_call_for_all_their_keys_and_no_extra_statement(int first)
    {
        var withoutField = await fixture.ExecuteAsync($"{{ books(first: {first}, order: [{{ id: ASC }}]) {{ nodes {{ id title }} }} }}");
        Calls.Clear();

        var result = (await fixture.ExecuteAsync(
            $"{{ books(first: {first}, order: [{{ id: ASC }}]) {{ nodes {{ id title isbn copiesInStockRoom }} }} }}")).AssertNoErrors();

        var nodes = result.Data.GetProperty("books").GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(Math.Min(first, LibraryData.Books(fixture).Count), nodes.Count);
        var call = Assert.Single(Calls.Calls);
        Assert.Equal(nodes.Select(n => n.GetProperty("isbn").GetString()!).ToHashSet(), call.ToHashSet());
        Assert.All(nodes, n => Assert.Equal(n.GetProperty("isbn").GetString()![^1] - '0', n.GetProperty("copiesInStockRoom").GetInt32()));
        Assert.Equal(withoutField.Sql.Count, result.Sql.Count); // the key rides in the same statements
    }

    [StoreFact]
    public async Task Books_at_several_places_of_one_response_share_one_call()
    {
        Calls.Clear();

        var result = (await fixture.ExecuteAsync("""
            {
              books(first: 3, order: [{ id: ASC }]) { nodes { isbn copiesInStockRoom } }
              authors(first: 5, order: [{ id: ASC }]) { nodes { books(first: 2) { nodes { isbn copiesInStockRoom } } } }
            }
            """)).AssertNoErrors();

        var isbns = new HashSet<string>();
        foreach (var book in result.Data.GetProperty("books").GetProperty("nodes").EnumerateArray())
        {
            isbns.Add(book.GetProperty("isbn").GetString()!);
        }

        foreach (var author in result.Data.GetProperty("authors").GetProperty("nodes").EnumerateArray())
        {
            foreach (var book in author.GetProperty("books").GetProperty("nodes").EnumerateArray())
            {
                isbns.Add(book.GetProperty("isbn").GetString()!);
            }
        }

        var call = Assert.Single(Calls.Calls);
        Assert.Equal(isbns, call.ToHashSet());
    }
}

public sealed class ResolverFieldTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : ResolverFieldTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
