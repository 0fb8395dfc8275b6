using System.Net;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Transport;

public sealed class GetRequestTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private GraphQLTestServer Server => fixture.Server;

    [Fact]
    public async Task A_query_runs_from_url_parameters()
    {
        var query = Uri.EscapeDataString("query Greet($name: String) { hello(name: $name) } query Other { add(a: 1, b: 1) }");
        var variables = Uri.EscapeDataString("""{"name":"GET"}""");
        var extensions = Uri.EscapeDataString("""{"some":"value"}""");

        using var response = await Server.GetAsync(
            $"/graphql?query={query}&variables={variables}&operationName=Greet&extensions={extensions}",
            "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/graphql-response+json", response.MediaType());
        Assert.Equal("Hello, GET!", (string?)(await response.JsonAsync())["data"]!["hello"]);
    }

    [Theory]
    [InlineData("application/graphql-response+json")]
    [InlineData("application/json")]
    public async Task A_mutation_over_get_is_405_with_allow_post_and_does_not_run(string accept)
    {
        var counter = Server.Services.GetService(typeof(Counter)) as Counter;
        var before = counter!.Value;

        using var response = await Server.GetAsync($"/graphql?query={Uri.EscapeDataString("mutation { increment }")}", accept);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["POST"], response.Content.Headers.Allow);
        var body = await response.JsonAsync();
        Assert.Equal("OPERATION_NOT_ALLOWED_OVER_GET", (string?)body["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(before, counter.Value);
    }

    [Fact]
    public async Task A_mutation_cached_from_a_post_is_still_refused_over_get()
    {
        const string mutation = "mutation CachedThenGet { increment(by: 0) }";
        using var post = await Server.PostAsync(new { query = mutation });
        Assert.Equal(HttpStatusCode.OK, post.StatusCode);

        using var get = await Server.GetAsync($"/graphql?query={Uri.EscapeDataString(mutation)}");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, get.StatusCode);
    }

    [Fact]
    public async Task The_query_operation_of_a_document_with_a_mutation_may_be_selected_over_get()
    {
        var query = Uri.EscapeDataString("query Q { hello } mutation M { increment }");

        using var response = await Server.GetAsync($"/graphql?query={query}&operationName=Q");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Hello, world!", (string?)(await response.JsonAsync())["data"]!["hello"]);
    }

    [Theory]
    [InlineData("/graphql", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&variables=%7Bnot-json", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&variables=%5B1%5D", "INVALID_REQUEST")]
    [InlineData("/graphql?query=%7B%20hello%20%7D&query=%7B%20hello%20%7D", "INVALID_REQUEST")]
    public async Task Malformed_url_parameters_are_400(string url, string code)
    {
        using var response = await Server.GetAsync(url, "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code, (string?)(await response.JsonAsync())["errors"]![0]!["extensions"]!["code"]);
    }
}
