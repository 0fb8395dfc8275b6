using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Http.Tests.Transport;

/// <summary>The graphql-http audit of GraphQL-over-HTTP conformance (tests/tools/audit.mjs) against the test schema.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    [Fact]
    public async Task The_graphql_http_audit_passes_every_audit_including_may_and_should()
    {
        // The audit queries __type; the test server runs as Production, where introspection is off by default.
        await using var server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { ["GraphQL:Introspection:Enabled"] = "true" });

        var report = await GraphQLHttpAudit.RunAsync(server.GraphQLEndpoint);

        output.WriteLine(report.Summary);
        Assert.True(report.AllPassed, report.Summary + Environment.NewLine + report.Failures);
    }
}

/// <summary>Runs tests/tools/audit.mjs and reads its results.</summary>
public sealed record GraphQLHttpAudit(int Passed, int Warnings, int Failed, string Failures)
{
    /// <summary>The number of audits graphql-http 1.23.1 runs.</summary>
    public const int ExpectedAudits = 61;

    public bool AllPassed => Warnings == 0 && Failed == 0 && Passed == ExpectedAudits;

    public string Summary => $"graphql-http audit: {Passed} passed, {Warnings} warnings, {Failed} failed";

    public static async Task<GraphQLHttpAudit> RunAsync(Uri endpoint)
    {
        var (exitCode, stdOut, stdErr) = await NodeScript.RunAsync("audit.mjs", [endpoint.ToString()], TimeSpan.FromMinutes(2));
        Assert.True(exitCode == 0, $"audit.mjs exited with {exitCode}: {stdErr}");

        var results = JsonNode.Parse(stdOut)!["results"]!.AsArray();
        var failures = results.Where(result => (string?)result!["status"] != "ok").Select(result => result!.ToJsonString());
        return new GraphQLHttpAudit(
            results.Count(result => (string?)result!["status"] == "ok"),
            results.Count(result => (string?)result!["status"] == "warn"),
            results.Count(result => (string?)result!["status"] == "error"),
            string.Join(Environment.NewLine, failures));
    }
}
