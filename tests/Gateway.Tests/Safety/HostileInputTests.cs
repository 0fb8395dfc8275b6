using System.Diagnostics;
using System.Net;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Safety;

/// <summary>
/// The hostile-input suite: several hundred malformed and abusive requests against the Production gateway on a real
/// socket. Each must be refused with a 4xx and a GraphQL error body, or answered with coded errors, in bounded time
/// and size, with no stack trace; and the gateway must still answer a screen exactly as before.
/// </summary>
public sealed class HostileInputTests(EdgeGatewayFactory gateway) : IClassFixture<EdgeGatewayFactory>
{
    /// <summary>"A few KB": 20 errors with locations, plus the one saying how many were left out.</summary>
    public const int MaxRefusalBytes = 8 * 1024;

    /// <summary>Errors in one response, a batch's entries together, besides the one saying how many were left out.</summary>
    public const int MaxErrors = 20;

    private static readonly TimeSpan MaxDuration = TimeSpan.FromSeconds(5);

    public static TheoryData<HostileRequest> Cases()
    {
        var data = new TheoryData<HostileRequest>();
        foreach (var request in HostileTransport.All().Concat(HostileDocuments.All()))
        {
            data.Add(request);
        }

        return data;
    }

    [Fact]
    public void The_suite_has_at_least_200_cases_with_unique_names()
    {
        var names = HostileTransport.All().Concat(HostileDocuments.All()).Select(c => c.Name).ToList();
        Assert.True(names.Count >= 200, $"only {names.Count} cases");
        Assert.Equal(names.Count, names.Distinct().Count());
    }

    [Fact]
    public void Every_code_the_suite_expects_is_in_the_transport_READMEs_code_table()
    {
        var readme = File.ReadAllLines(Path.Combine(ContractPaths.RepositoryRoot, "src", "Gateway.Http", "README.md"));
        var tabled = readme.Where(line => line.StartsWith("| `", StringComparison.Ordinal))
            .SelectMany(line => System.Text.RegularExpressions.Regex.Matches(line.Split('|')[1], "`([A-Z_]+)`").Select(match => match.Groups[1].Value))
            .ToHashSet();
        var expected = HostileTransport.All().Concat(HostileDocuments.All()).Select(c => c.ExpectedCode).OfType<string>().Distinct();

        Assert.Empty(expected.Where(code => !tabled.Contains(code)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task A_hostile_request_is_refused_cleanly_and_the_gateway_still_answers(HostileRequest hostile)
    {
        using var client = gateway.CreateSocketClient();
        var baseline = await ScreenAsync(client);

        var outcome = await SendAsync(client, hostile);
        AssertRefused(hostile, outcome);

        Assert.Equal(baseline, await ScreenAsync(client));
    }

    internal static async Task<Outcome> SendAsync(HttpClient client, HostileRequest hostile)
    {
        using var request = hostile.Build();
        var watch = Stopwatch.StartNew();
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        return new Outcome((int)response.StatusCode, body, watch.Elapsed);
    }

    internal static void AssertRefused(HostileRequest hostile, Outcome outcome)
    {
        var (status, body, elapsed) = outcome;
        Assert.True(status < 500, $"{hostile.Name}: HTTP {status}: {Shorten(body)}");
        Assert.True(elapsed < MaxDuration, $"{hostile.Name}: took {elapsed.TotalMilliseconds:F0} ms");
        Assert.True(body.Length <= MaxRefusalBytes, $"{hostile.Name}: {body.Length} bytes: {Shorten(body)}");
        Assert.DoesNotContain("stackTrace", body, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);

        var codes = Codes(JsonNode.Parse(body)).ToList();
        Assert.True(codes.Count > 0, $"{hostile.Name}: HTTP {status} without a coded error: {Shorten(body)}");
        Assert.True(codes.Count <= MaxErrors + 1, $"{hostile.Name}: {codes.Count} errors in one response");
        Assert.True(status >= 400 || status == 200, $"{hostile.Name}: HTTP {status}");
        if (hostile.ExpectedCode is { } expected)
        {
            Assert.True(codes.Contains(expected), $"{hostile.Name}: expected {expected}, got {string.Join(", ", codes)}: {Shorten(body)}");
        }
    }

    /// <summary>Every <c>extensions.code</c> in a response, a batch's entries included; an error without one fails.</summary>
    internal static IEnumerable<string> Codes(JsonNode? response)
    {
        var results = response is JsonArray batch ? batch.ToList() : [response];
        foreach (var result in results)
        {
            foreach (var error in result?["errors"]?.AsArray() ?? [])
            {
                yield return (string?)error?["extensions"]?["code"] ?? throw new Xunit.Sdk.XunitException($"an error without a code: {error?.ToJsonString()}");
            }
        }
    }

    internal static async Task<string> ScreenAsync(HttpClient client)
    {
        using var request = HostileRequest.Json(System.Text.Json.JsonSerializer.Serialize(new
        {
            query = GraphQLHttp.Screen("ProductPage"),
            variables = new { id = "UHJvZHVjdDox" },
        }));
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("\"errors\"", body, StringComparison.Ordinal);
        Assert.Contains("\"sku\"", body, StringComparison.Ordinal);
        return body;
    }

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + "…";

    internal sealed record Outcome(int Status, string Body, TimeSpan Elapsed);
}
