using System.Net;
using System.Text;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Cors;

/// <summary>CORS on the endpoint, as a browser exercises it: the preflight, then the request with its Origin.</summary>
public sealed class CorsTests
{
    private static Task<GraphQLTestServer> StartAsync(string environment, params string[] origins) =>
        GraphQLTestServer.StartAsync(
            services: services => services.AddGraphQLCors(),
            configuration: origins.Select((origin, i) => KeyValuePair.Create($"Cors:AllowedOrigins:{i}", (string?)origin)).ToDictionary(),
            environment: environment);

    /// <summary>
    /// The request headers a browser asks about for a GraphQL client's requests: the JSON body's type, the bearer token,
    /// and those Apollo Client and GraphQL-over-HTTP clients add (client awareness, the CSRF-prevention headers that
    /// make a persisted query's GET preflighted, the GraphQL preflight header, the SSE reconnection header).
    /// </summary>
    private static readonly string[] ClientHeaders =
    [
        "content-type", "authorization", "accept", "apollographql-client-name", "apollographql-client-version",
        "apollo-require-preflight", "x-apollo-operation-name", "graphql-preflight", "cache-control", "last-event-id", "graphql-cost",
    ];

    private static async Task<HttpResponseMessage> PreflightAsync(GraphQLTestServer server, string origin, string method = "POST", string headers = "authorization,content-type")
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/graphql");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", method);
        request.Headers.Add("Access-Control-Request-Headers", headers);
        return await server.Client.SendAsync(request);
    }

    private static string[] HeaderList(HttpResponseMessage response, string name) =>
        (Header(response, name) ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);

    private static async Task<HttpResponseMessage> PostAsync(GraphQLTestServer server, string origin)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ hello }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Origin", origin);
        return await server.Client.SendAsync(request);
    }

    private static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(",", values) : null;

    [Fact]
    public async Task A_configured_origin_gets_a_204_preflight_and_its_origin_on_the_response()
    {
        await using var server = await StartAsync("Production", "https://shop.example.com");

        using var preflight = await PreflightAsync(server, "https://shop.example.com");
        using var response = await PostAsync(server, "https://shop.example.com");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://shop.example.com", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Equal(["GET", "POST"], HeaderList(preflight, "Access-Control-Allow-Methods").Order());
        Assert.Equal(ClientHeaders.Order(), HeaderList(preflight, "Access-Control-Allow-Headers").Order());
        Assert.Equal("600", Header(preflight, "Access-Control-Max-Age"));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("https://shop.example.com", Header(response, "Access-Control-Allow-Origin"));
        Assert.Contains("retry-after", Header(response, "Access-Control-Expose-Headers")); // a page reads how long to wait after a 429
        Assert.Contains("Origin", Header(response, "Vary"));
    }

    [Theory]
    [InlineData("GET")]
    [InlineData("POST")]
    public async Task A_preflight_asking_for_every_client_header_is_allowed_for_get_and_post(string method)
    {
        await using var server = await StartAsync("Production", "https://shop.example.com");

        using var preflight = await PreflightAsync(server, "https://shop.example.com", method, string.Join(",", ClientHeaders));
        using var put = await PreflightAsync(server, "https://shop.example.com", "PUT");

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal("https://shop.example.com", Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Contains(method, HeaderList(preflight, "Access-Control-Allow-Methods"));
        Assert.Equal(ClientHeaders.Order(), HeaderList(preflight, "Access-Control-Allow-Headers").Order());
        // ASP.NET Core answers every preflight with the policy's lists and leaves the check to the browser: PUT is not in them.
        Assert.Equal(["GET", "POST"], HeaderList(put, "Access-Control-Allow-Methods").Order());
    }

    [Theory]
    [InlineData("Production", "http://localhost:3000")]
    [InlineData("Production", "https://evil.example.com")]
    [InlineData("Development", "https://evil.example.com")]
    [InlineData("Development", "http://localhost.evil.example.com")]
    [InlineData("Development", "https://localhost:3000")]
    public async Task Other_origins_get_no_cors_headers(string environment, string origin)
    {
        await using var server = await StartAsync(environment, "https://shop.example.com");

        using var preflight = await PreflightAsync(server, origin);
        using var response = await PostAsync(server, origin);

        Assert.Null(Header(preflight, "Access-Control-Allow-Origin"));
        Assert.Null(Header(response, "Access-Control-Allow-Origin"));
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5173")]
    [InlineData("http://localhost")]
    public async Task Development_allows_every_loopback_dev_server(string origin)
    {
        await using var server = await StartAsync("Development");

        using var preflight = await PreflightAsync(server, origin);

        Assert.Equal(HttpStatusCode.NoContent, preflight.StatusCode);
        Assert.Equal(origin, Header(preflight, "Access-Control-Allow-Origin"));
    }
}
