using System.Net;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Diagnostics;

public sealed class HealthTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Live_and_ready_answer_200_when_the_store_answers()
    {
        var client = gateway.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.True(ready.StatusCode == HttpStatusCode.OK, await ready.Content.ReadAsStringAsync());
        var report = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!;
        Assert.Equal("Healthy", (string?)report["status"]);
        Assert.Equal("Healthy", (string?)report["checks"]!["store"]!["status"]);
        Assert.Null(report["checks"]!["postgresql"]); // only on PostgreSQL
    }

    [Fact]
    public async Task Ready_answers_503_while_the_store_is_unreachable_and_live_stays_200()
    {
        await using var broken = new UnreachableStoreGateway();
        var client = broken.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var body = await ready.Content.ReadAsStringAsync();
        Assert.Equal("Unhealthy", (string?)JsonNode.Parse(body)!["checks"]!["store"]!["status"]);
        Assert.DoesNotContain("at ", body, StringComparison.Ordinal); // no stack trace
    }

    /// <summary>A gateway whose store file cannot be opened (read-only mode on a file that does not exist), with no start-up migration.</summary>
    private sealed class UnreachableStoreGateway : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("ConnectionStrings:Store", $"Data Source={Path.Combine(Path.GetTempPath(), "gateway-tests", "missing-" + Guid.NewGuid().ToString("N"), "store.db")};Mode=ReadOnly"),
            new("Store:MigrateOnStartup", "false"),
        ];
    }
}
