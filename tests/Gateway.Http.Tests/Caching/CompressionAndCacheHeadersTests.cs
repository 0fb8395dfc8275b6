using System.IO.Compression;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Caching;

/// <summary>Brotli and gzip on GraphQL responses of 1 KB and more, and the Cache-Control the endpoint's responses carry.</summary>
public sealed class CompressionAndCacheHeadersTests : IDisposable
{
    private const string Hello = "query Hello { hello }";

    /// <summary>{ hello } under 20 aliases of 64 characters: a response of about 1.7 KB.</summary>
    private static readonly string Large =
        "{ " + string.Concat(Enumerable.Range(10, 20).Select(i => $"a{i}{new string('x', 61)}: hello ")) + "}";
    private readonly TempManifest _manifest = new(Hello);

    public void Dispose() => _manifest.Dispose();

    private static string Hash(string text) => TempManifest.Hash(text);

    private Task<GraphQLTestServer> StartAsync(int maxAge = 0) =>
        GraphQLTestServer.StartAsync(services: services => services
            .AddGraphQLPersistedOperations(options => options.ManifestPath = _manifest.Path)
            .AddGraphQLResponseCompression()
            .AddGraphQLCacheHeaders(options => options.PersistedQueryMaxAgeSeconds = maxAge));

    private static async Task<HttpResponseMessage> SendAsync(GraphQLTestServer server, HttpMethod method, string pathAndQuery, string? body = null, string? encoding = null, string? token = null)
    {
        var request = new HttpRequestMessage(method, pathAndQuery);
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "application/json");
        }

        if (encoding is not null)
        {
            request.Headers.Add("Accept-Encoding", encoding);
        }

        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        return await server.Client.SendAsync(request);
    }

    [Theory]
    [InlineData("br")]
    [InlineData("gzip")]
    public async Task Graphql_responses_are_compressed_with_what_the_client_accepts(string encoding)
    {
        await using var server = await StartAsync();

        using var response = await SendAsync(server, HttpMethod.Post, "/graphql", JsonSerializer.Serialize(new { query = Large }), encoding);
        await using var raw = await response.Content.ReadAsStreamAsync();
        await using Stream decoded = encoding == "br" ? new BrotliStream(raw, CompressionMode.Decompress) : new GZipStream(raw, CompressionMode.Decompress);
        var json = await JsonNode.ParseAsync(decoded);

        Assert.Equal(encoding, Assert.Single(response.Content.Headers.ContentEncoding));
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal(20, json!["data"]!.AsObject().Count);
        Assert.True(Encoding.UTF8.GetByteCount(json.ToJsonString()) >= 1024);
        Assert.All(json["data"]!.AsObject(), field => Assert.Equal("Hello, world!", (string?)field.Value));
    }

    [Theory]
    [InlineData("POST")]
    [InlineData("GET")]
    public async Task A_response_under_1_kb_goes_uncompressed_with_its_length(string method)
    {
        await using var server = await StartAsync();

        using var response = method == "POST"
            ? await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ hello }"}""", "br, gzip")
            : await SendAsync(server, HttpMethod.Get, "/graphql?query=%7B%20hello%20%7D", encoding: "br, gzip");
        var body = await response.Content.ReadAsByteArrayAsync();

        Assert.Empty(response.Content.Headers.ContentEncoding);
        // Sent with the header (HttpClient would compute ContentLength from the buffered body if it were missing).
        Assert.Equal($"{body.Length}", response.Content.Headers.NonValidated["Content-Length"].ToString());
        Assert.Contains("Accept-Encoding", response.Headers.Vary);
        Assert.Equal("""{"data":{"hello":"Hello, world!"}}""", Encoding.UTF8.GetString(body));
    }

    [Fact]
    public async Task Without_accept_encoding_the_response_is_plain()
    {
        await using var server = await StartAsync();

        using var response = await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ hello }"}""");

        Assert.Empty(response.Content.Headers.ContentEncoding);
        Assert.Equal("Hello, world!", (string?)(await response.JsonAsync())["data"]!["hello"]);
    }

    [Fact]
    public async Task A_response_to_a_request_with_a_token_is_never_stored()
    {
        await using var server = await StartAsync(maxAge: 60);

        using var post = await SendAsync(server, HttpMethod.Post, "/graphql", """{"query":"{ hello }"}""", token: "t");
        using var persistedGet = await SendAsync(server, HttpMethod.Get, $"/graphql?documentId=sha256:{Hash(Hello)}", token: "t");

        Assert.True(post.Headers.CacheControl?.NoStore);
        Assert.True(persistedGet.Headers.CacheControl?.NoStore);
    }

    [Fact]
    public async Task An_anonymous_get_of_a_persisted_query_is_publicly_cacheable_when_configured()
    {
        await using var server = await StartAsync(maxAge: 60);

        using var persisted = await SendAsync(server, HttpMethod.Get, $"/graphql?documentId=sha256:{Hash(Hello)}");
        using var miss = await SendAsync(server, HttpMethod.Get, $"/graphql?documentId=sha256:{Hash("{ other }")}");
        using var adHoc = await SendAsync(server, HttpMethod.Get, "/graphql?query=%7B%20hello%20%7D");

        Assert.Equal("public, max-age=60", persisted.Headers.CacheControl?.ToString());
        Assert.Contains("Accept", persisted.Headers.Vary);
        Assert.Null(miss.Headers.CacheControl);
        Assert.Null(adHoc.Headers.CacheControl);
    }

    [Fact]
    public async Task Public_caching_is_off_by_default()
    {
        await using var server = await StartAsync();

        using var persisted = await SendAsync(server, HttpMethod.Get, $"/graphql?documentId=sha256:{Hash(Hello)}");

        Assert.Null(persisted.Headers.CacheControl);
    }
}
