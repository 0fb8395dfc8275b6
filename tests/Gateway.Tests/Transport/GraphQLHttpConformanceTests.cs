using System.Text.Json.Nodes;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Tests.Transport;

/// <summary>The graphql-http audit of GraphQL-over-HTTP conformance (tests/tools/audit.mjs) against the real gateway.</summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class GraphQLHttpConformanceTests(KestrelGatewayFactory gateway, ITestOutputHelper output)
{
    /// <summary>The number of audits graphql-http 1.23.1 runs, MAY and SHOULD ones included.</summary>
    private const int ExpectedAudits = 61;

    [Fact]
    public async Task The_gateway_passes_every_graphql_http_audit()
    {
        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync("audit.mjs", [gateway.GraphQLEndpoint.ToString()], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"audit.mjs exited with {exitCode}: {stdErr}");

        var results = JsonNode.Parse(stdOut)!["results"]!.AsArray();
        int Count(string status) => results.Count(result => (string?)result!["status"] == status);
        var summary = $"graphql-http audit: {Count("ok")} passed, {Count("warn")} warnings, {Count("error")} failed";
        output.WriteLine(summary);

        var failures = results.Where(result => (string?)result!["status"] != "ok").Select(result => result!.ToJsonString());
        Assert.True(Count("ok") == ExpectedAudits && results.Count == ExpectedAudits, summary + Environment.NewLine + string.Join(Environment.NewLine, failures));
    }
}
