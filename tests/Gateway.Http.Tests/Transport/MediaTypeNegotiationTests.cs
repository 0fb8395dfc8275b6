using System.Net;
using System.Text;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Transport;

public sealed class MediaTypeNegotiationTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private GraphQLTestServer Server => fixture.Server;

    [Theory]
    [InlineData(null, "application/json")]
    [InlineData("*/*", "application/json")]
    [InlineData("application/*", "application/json")]
    [InlineData("application/json", "application/json")]
    [InlineData("application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("application/graphql-response+json, application/json;q=0.9", "application/graphql-response+json")]
    [InlineData("application/json, application/graphql-response+json;q=0.5", "application/json")]
    [InlineData("application/json, application/graphql-response+json", "application/graphql-response+json")]
    [InlineData("text/html, */*;q=0.8", "application/json")]
    [InlineData("application/graphql-response+json;q=0, application/json", "application/json")]
    public async Task Response_media_type_follows_accept(string? accept, string expected)
    {
        using var response = await Server.PostAsync(new { query = "{ hello }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(expected, response.MediaType());
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/xml")]
    [InlineData("application/json; charset=iso-8859-1")]
    public async Task Unsupported_accept_is_406_with_a_graphql_error(string accept)
    {
        using var response = await Server.PostAsync(new { query = "{ hello }" }, accept);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        var body = await response.JsonAsync();
        Assert.Equal("NOT_ACCEPTABLE", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("text/plain")]
    [InlineData("application/x-www-form-urlencoded")]
    [InlineData("application/graphql")]
    [InlineData("application/json; charset=utf-16")]
    public async Task Unsupported_content_type_is_415(string contentType)
    {
        using var response = await Server.PostAsync(new { query = "{ hello }" }, "application/graphql-response+json", contentType);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("UNSUPPORTED_MEDIA_TYPE", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Post_without_content_type_is_415()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ByteArrayContent(Encoding.UTF8.GetBytes("""{"query":"{ hello }"}""")),
        };

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
    }

    [Fact]
    public async Task Utf8_is_read_and_written_whether_or_not_the_charset_is_named()
    {
        using var named = await Server.PostAsync(
            new { query = "query ($name: String) { hello(name: $name) }", variables = new { name = "Zoë 🏃" } },
            contentType: "application/json; charset=utf-8");
        using var unnamed = await Server.PostAsync(
            new { query = "query ($name: String) { hello(name: $name) }", variables = new { name = "Zoë 🏃" } });

        foreach (var response in new[] { named, unnamed })
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            Assert.Equal("Hello, Zoë 🏃!", (string?)System.Text.Json.Nodes.JsonNode.Parse(text)!["data"]!["hello"]);
        }
    }
}
