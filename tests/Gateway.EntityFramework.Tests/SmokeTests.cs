using Gateway.Testing.PostgreSql;
namespace Gateway.EntityFramework.Tests;

public class SmokeTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task A_screen_sized_request_runs_in_a_handful_of_statements()
    {
        var result = (await fixture.ExecuteAsync("""
            {
              books(first: 3, where: { price: { lt: 20 }, reviews: { some: { stars: { gte: 4 } } } }, order: [{ author: { name: ASC } }, { price: DESC }]) {
                totalCount
                pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
                edges { cursor node { id title price author { name publisher { name } } } }
                nodes {
                  __typename
                  t: title
                  stats { average count }
                  externalLabel
                  chapters(order: [{ number: DESC }]) { number title }
                  sameAuthor(first: 1) { title author { name } }
                  reviews(first: 2, order: [{ createdAt: DESC }], where: { stars: { gte: 2 } }) {
                    totalCount
                    pageInfo { hasNextPage endCursor }
                    nodes { id stars reviewer { id name publisher { name } } }
                  }
                }
              }
              publishers(order: [{ name: DESC }]) { name authors { name } }
              book(isbn: "ISBN-007") { title }
            }
            """)).AssertNoErrors();

        // books: page (with chapters joined) + count + one follow-up each for its sibling lists sameAuthor and
        // reviews (joining them too would return their cross product); publishers: 1; book: 1
        Assert.Equal(6, result.Sql.Count);
        Assert.Equal(3, result.Data.GetProperty("books").GetProperty("nodes").GetArrayLength());
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SmokeTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : SmokeTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
