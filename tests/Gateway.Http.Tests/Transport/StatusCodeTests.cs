using System.Net;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Transport;

/// <summary>The status codes of GraphQL over HTTP, for each response media type.</summary>
public sealed class StatusCodeTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private const string GraphQLResponse = "application/graphql-response+json";
    private const string Json = "application/json";

    private GraphQLTestServer Server => fixture.Server;

    [Theory]
    [InlineData("{", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{", Json, HttpStatusCode.OK)]
    [InlineData("{ noSuchField }", GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData("{ noSuchField }", Json, HttpStatusCode.OK)]
    public async Task Parse_and_validation_failures_are_400_only_for_graphql_response_json(string query, string accept, HttpStatusCode expected)
    {
        using var response = await Server.PostAsync(new { query }, accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Null(body["data"]);
        Assert.False(body.AsObject().ContainsKey("data"));
        Assert.NotEmpty(body["errors"]!.AsArray());
    }

    [Theory]
    [InlineData(GraphQLResponse)]
    [InlineData(Json)]
    public async Task Field_errors_are_200_with_partial_data_path_locations_and_code(string accept)
    {
        using var response = await Server.PostAsync(new { query = "{ hello forbidden }" }, accept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Equal("Hello, world!", (string?)body["data"]!["hello"]);
        Assert.Null(body["data"]!["forbidden"]);
        var error = body["errors"]![0]!;
        Assert.Equal("You may not read this field.", (string?)error["message"]);
        Assert.Equal("forbidden", (string?)error["path"]![0]);
        Assert.Equal(1, (int?)error["locations"]![0]!["line"]);
        Assert.Equal(9, (int?)error["locations"]![0]!["column"]);
        Assert.Equal("FORBIDDEN", (string?)error["extensions"]!["code"]);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task Variables_of_the_wrong_type_get_a_coercion_error(string accept, HttpStatusCode expected)
    {
        using var response = await Server.PostAsync(
            new { query = "query ($a: Int!) { add(a: $a, b: 1) }", variables = new { a = "three" } },
            accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains("$a", (string?)body["errors"]![0]!["message"]);
        Assert.NotNull(body["errors"]![0]!["extensions"]!["code"]);
    }

    [Theory]
    [InlineData(GraphQLResponse, HttpStatusCode.BadRequest)]
    [InlineData(Json, HttpStatusCode.OK)]
    public async Task An_unknown_operation_name_gets_a_clear_error(string accept, HttpStatusCode expected)
    {
        using var response = await Server.PostAsync(new { query = "query A { hello } query B { hello }", operationName = "C" }, accept);

        Assert.Equal(expected, response.StatusCode);
        var body = await response.JsonAsync();
        Assert.Contains("C", (string?)body["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task The_operation_name_selects_the_operation()
    {
        using var response = await Server.PostAsync(new { query = "query A { hello } query B { add(a: 1, b: 2) }", operationName = "B" });

        var body = await response.JsonAsync();
        Assert.Equal(3, (int?)body["data"]!["add"]);
        Assert.Null(body["data"]!["hello"]);
    }

    [Theory]
    [InlineData("""{ "not a JSON""", "INVALID_JSON")]
    [InlineData("""[1, 2""", "INVALID_JSON")]
    [InlineData("""{"query": 1}""", "INVALID_REQUEST")]
    [InlineData("""{"query": {"obj": "ect"}}""", "INVALID_REQUEST")]
    [InlineData("""{"qeury": "{ hello }"}""", "INVALID_REQUEST")]
    [InlineData("""{"query": "{ hello }", "variables": "string"}""", "INVALID_REQUEST")]
    [InlineData("""{"query": "{ hello }", "variables": ["array"]}""", "INVALID_REQUEST")]
    [InlineData("""{"query": "{ hello }", "operationName": false}""", "INVALID_REQUEST")]
    [InlineData("""{"query": "{ hello }", "extensions": 0}""", "INVALID_REQUEST")]
    [InlineData("\"just a string\"", "INVALID_REQUEST")]
    [InlineData("", "INVALID_REQUEST")]
    public async Task A_request_that_is_not_well_formed_is_400_for_both_media_types(string body, string code)
    {
        foreach (var accept in new[] { GraphQLResponse, Json })
        {
            using var response = await Server.PostAsync(body, accept);

            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var json = await response.JsonAsync();
            Assert.False(json.AsObject().ContainsKey("data"));
            Assert.Equal(code, (string?)json["errors"]![0]!["extensions"]!["code"]);
        }
    }

    [Fact]
    public async Task Null_optional_parameters_are_allowed()
    {
        using var response = await Server.PostAsync(
            """{"query": "{ hello }", "variables": null, "operationName": null, "extensions": null}""",
            GraphQLResponse);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Null((await response.JsonAsync())["errors"]);
    }

    [Fact]
    public async Task A_body_over_the_limit_is_413()
    {
        await using var server = await GraphQLTestServer.StartAsync(options => options.MaxRequestBodySize = 100);

        using var small = await server.PostAsync(new { query = "{ hello }" });
        using var large = await server.PostAsync(new { query = "{ hello }", variables = new { padding = new string('x', 200) } });

        Assert.Equal(HttpStatusCode.OK, small.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, large.StatusCode);
        var body = await large.JsonAsync();
        Assert.Equal("REQUEST_TOO_LARGE", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task A_chunked_body_over_the_limit_is_413()
    {
        await using var server = await GraphQLTestServer.StartAsync(options => options.MaxRequestBodySize = 100);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new ChunkedJsonContent("{\"query\": \"{ hello }\", \"padding\": \"" + new string('x', 500) + "\"}"),
        };

        using var response = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Theory]
    [InlineData("PUT")]
    [InlineData("DELETE")]
    [InlineData("PATCH")]
    public async Task Other_methods_are_405_with_allow(string method)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), "/graphql");

        using var response = await Server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(["GET", "POST"], response.Content.Headers.Allow.Order());
    }

    /// <summary>A body sent chunked, without Content-Length, so only reading it reveals its size.</summary>
    private sealed class ChunkedJsonContent : HttpContent
    {
        private readonly byte[] _bytes;

        public ChunkedJsonContent(string text)
        {
            _bytes = System.Text.Encoding.UTF8.GetBytes(text);
            Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        }

        protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) => stream.WriteAsync(_bytes).AsTask();

        protected override bool TryComputeLength(out long length)
        {
            length = 0;
            return false;
        }
    }
}
