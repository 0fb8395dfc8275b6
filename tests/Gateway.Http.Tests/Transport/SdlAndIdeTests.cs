using System.Net;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;

namespace Gateway.Http.Tests.Transport;

public sealed class SdlAndIdeTests(DefaultServerFixture fixture) : IClassFixture<DefaultServerFixture>
{
    private const string BrowserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private GraphQLTestServer Server => fixture.Server;

    [Fact]
    public async Task Get_sdl_returns_the_schema_as_plain_text()
    {
        using var response = await Server.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.MediaType());
        Assert.Equal("utf-8", response.Content.Headers.ContentType!.CharSet);
        var sdl = await response.Content.ReadAsStringAsync();
        Assert.Contains("type Query {", sdl);
        Assert.Contains("hello(name: String): String!", sdl);
        Assert.Contains("type Mutation {", sdl);
    }

    [Fact]
    public async Task A_browser_get_serves_the_ide_page_with_a_base_below_the_endpoint()
    {
        using var response = await Server.GetAsync("/graphql", BrowserAccept);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.MediaType());
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<title>Banana Cake Pop</title>", html);
        Assert.Contains("<base href=\"/graphql/\"/>", html);
        Assert.DoesNotContain("cdn", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task The_ide_config_points_the_ide_at_the_page_url()
    {
        using var response = await Server.GetAsync("/graphql/bcp-config.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.MediaType());
        var config = await response.JsonAsync();
        Assert.True((bool?)config["useBrowserUrlAsEndpoint"]);
        Assert.Equal("/graphql", (string?)config["endpoint"]);
        Assert.True((bool?)config["disableTelemetry"]);
    }

    [Fact]
    public async Task The_ide_static_files_and_license_are_served_from_the_build_output()
    {
        using var page = await Server.GetAsync("/graphql", BrowserAccept);
        var html = await page.Content.ReadAsStringAsync();
        var script = System.Text.RegularExpressions.Regex.Match(html, "src=\"(static/js/main\\.[0-9a-f]+\\.js)\"").Groups[1].Value;
        Assert.NotEmpty(script);

        using var js = await Server.GetAsync("/graphql/" + script);
        using var license = await Server.GetAsync("/graphql/LICENSE");
        using var missing = await Server.GetAsync("/graphql/static/js/missing.js");
        using var traversal = await Server.GetAsync("/graphql/..%2F..%2Fappsettings.json");

        Assert.Equal(HttpStatusCode.OK, js.StatusCode);
        Assert.Equal("text/javascript", js.MediaType());
        Assert.Contains("immutable", js.Headers.CacheControl!.ToString());
        Assert.Equal(HttpStatusCode.OK, license.StatusCode);
        Assert.Contains("ChilliCream License", await license.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, traversal.StatusCode);
    }

    [Fact]
    public async Task A_get_that_does_not_accept_html_is_not_answered_with_the_ide()
    {
        using var response = await Server.GetAsync("/graphql", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("query", (string?)(await response.JsonAsync())["errors"]![0]!["message"]);
    }

    [Fact]
    public async Task Where_introspection_is_off_the_sdl_is_not_published_either()
    {
        await using var server = await GraphQLTestServer.StartAsync(); // Production: introspection off by default

        using var sdl = await server.GetAsync("/graphql?sdl");

        Assert.Equal(HttpStatusCode.Forbidden, sdl.StatusCode);
        var body = await sdl.Content.ReadAsStringAsync();
        Assert.Equal("INTROSPECTION_DISABLED", (string?)JsonNode.Parse(body)!["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("type Query", body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_ide_and_sdl_can_be_disabled()
    {
        await using var server = await GraphQLTestServer.StartAsync(options =>
        {
            options.EnableIde = false;
            options.EnableSdl = false;
        });

        using var page = await server.GetAsync("/graphql", BrowserAccept);
        using var config = await server.GetAsync("/graphql/bcp-config.json");
        using var sdl = await server.GetAsync("/graphql?sdl", "application/json");

        Assert.Equal(HttpStatusCode.BadRequest, page.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, config.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, sdl.StatusCode);
    }
}
