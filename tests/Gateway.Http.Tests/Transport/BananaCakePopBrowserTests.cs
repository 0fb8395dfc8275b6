using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Http.Tests.Transport;

/// <summary>
/// The IDE in headless Chromium (tests/tools/bcp-browser.mjs, Playwright on Debian's chromium): it loads from the
/// transport with no request leaving the server, fetches the schema, and runs a query typed into its editor.
/// </summary>
public sealed class BananaCakePopBrowserTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_ide_loads_offline_fetches_the_schema_and_runs_a_typed_query()
    {
        // The IDE fetches the schema by introspection, off by default in the test server's Production environment.
        await using var server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { ["GraphQL:Introspection:Enabled"] = "true" });
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "bcp-test-schema.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync(
            "bcp-browser.mjs",
            [server.GraphQLEndpoint.ToString(), screenshot, "{ hello(name: \"Banana Cake Pop\") }", "Hello, Banana Cake Pop!"],
            TimeSpan.FromMinutes(2));

        output.WriteLine(stdOut);
        output.WriteLine($"screenshot: {screenshot}");
        Assert.True(exitCode == 0, $"bcp-browser.mjs exited with {exitCode}: {stdOut} {stdErr}");
        var report = JsonNode.Parse(stdOut)!;
        Assert.True((bool?)report["schemaFetched"]);
        Assert.Contains("Hello, Banana Cake Pop!", (string?)report["responseText"]);
        Assert.Empty(report["foreignRequests"]!.AsArray());
        Assert.True(File.Exists(screenshot));
    }
}
