using System.Text.Json.Nodes;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Tests.Transport;

/// <summary>
/// The Banana Cake Pop IDE served by the real gateway, in headless Chromium (tests/tools/bcp-browser.mjs): it loads
/// with no request leaving the gateway, fetches the schema, and runs a query typed into its editor. The screenshot
/// goes to the test output folder; it replaces docs/screenshots/bcp.png when that is missing or UPDATE_SCREENSHOTS=1,
/// so that an ordinary test run leaves the committed picture alone.
/// </summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class BananaCakePopTests(KestrelGatewayFactory gateway, ITestOutputHelper output)
{
    private const string Query = "{ categories { name } }";

    [Fact]
    public async Task The_ide_loads_from_the_gateway_fetches_the_schema_and_runs_a_typed_query()
    {
        var screenshot = Path.Combine(AppContext.BaseDirectory, "screenshots", "bcp.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);

        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync(
            "bcp-browser.mjs",
            [gateway.GraphQLEndpoint.ToString(), screenshot, Query, "\"categories\""],
            TimeSpan.FromMinutes(2));

        output.WriteLine(stdOut);
        Assert.True(exitCode == 0, $"bcp-browser.mjs exited with {exitCode}: {stdOut} {stdErr}");
        var report = JsonNode.Parse(stdOut)!;
        Assert.True((bool?)report["schemaFetched"]);
        Assert.Contains("\"name\"", (string?)report["responseText"]);
        Assert.Empty(report["foreignRequests"]!.AsArray());

        output.WriteLine($"screenshot: {screenshot}");
        var documented = Path.Combine(ContractPaths.RepositoryRoot, "docs", "screenshots", "bcp.png");
        if (!File.Exists(documented) || Environment.GetEnvironmentVariable("UPDATE_SCREENSHOTS") == "1")
        {
            Directory.CreateDirectory(Path.GetDirectoryName(documented)!);
            File.Copy(screenshot, documented, overwrite: true);
            output.WriteLine($"copied to {documented}");
        }
    }
}
