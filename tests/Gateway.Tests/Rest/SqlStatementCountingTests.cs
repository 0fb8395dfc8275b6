using Gateway.Diagnostics;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class SqlStatementCountingTests(RestApiFactory factory)
{
    [Theory]
    [InlineData("/api/products/1", 1)]
    [InlineData("/api/products/1/rating", 1)]
    [InlineData("/api/products/1/reviews?limit=5", 2)]
    [InlineData("/api/products?limit=0", 0)]
    public async Task Each_response_says_how_many_sql_statements_it_took(string path, int statements)
    {
        using var response = await factory.CreateClient().GetAsync(path);

        Assert.Equal(statements.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Assert.Single(response.Headers.GetValues(SqlStatementCounting.HeaderName)));
    }

    [Fact]
    public async Task Concurrent_requests_count_their_own_statements()
    {
        var client = factory.CreateClient();

        var responses = await Task.WhenAll(Enumerable.Range(1, 16).Select(i => client.GetAsync($"/api/products/{i}/reviews?limit=2")));

        Assert.All(responses, r => Assert.Equal("2", Assert.Single(r.Headers.GetValues(SqlStatementCounting.HeaderName))));
        foreach (var response in responses)
        {
            response.Dispose();
        }
    }
}
