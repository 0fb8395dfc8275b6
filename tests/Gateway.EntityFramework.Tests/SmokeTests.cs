namespace Gateway.EntityFramework.Tests;

public sealed class SmokeTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [Fact]
    public async Task Everything_in_one_request()
    {
        var result = await fixture.ExecuteAsync("""
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
            """);
        File.WriteAllText("/tmp/ef-smoke.json", result.Json.ToString());
        File.WriteAllText("/tmp/ef-smoke.sql", string.Join("\n-----\n", result.Sql.Statements));
        result.AssertNoErrors();
    }
}
