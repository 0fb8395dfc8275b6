using System.Net;
using Gateway.Store;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.WarmUp;

/// <summary>
/// A replica runs its configured screens against its own <c>/graphql</c> before it reports ready, in rounds until the
/// JIT has settled (bounded), and a misconfigured request only costs a warning: the warm-up never keeps it out of service.
/// </summary>
public sealed class ScreenWarmUpTests
{
    [Fact]
    public async Task The_screens_run_against_the_replica_itself_before_it_is_ready()
    {
        await using var gateway = await StartAsync(
        [
            new("WarmUp:Enabled", "true"),
            new("WarmUp:Iterations", "3"),
            new("WarmUp:MaxDuration", "00:00:03"),
        ]);

        // Ready (StartAsync waits for /health/ready), and by then the warm-up has logged each screen and its end.
        var output = gateway.Output;
        Assert.Contains("Warm-up: ProductPage ran 3 times", output, StringComparison.Ordinal);
        Assert.Contains("Warm-up: CatalogPage ran 3 times", output, StringComparison.Ordinal);
        // HomePage has no remote call that could still be warming up: its three answers carry no error.
        Assert.Matches(@"Warm-up: HomePage ran 3 times in \d+ ms\.", output);
        Assert.Contains("Warm-up done:", output, StringComparison.Ordinal);
        using var http = new HttpClient { BaseAddress = gateway.BaseAddress };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health/ready")).StatusCode);
    }

    [Fact]
    public async Task An_unknown_operation_or_a_failing_request_is_a_warning_and_the_replica_still_becomes_ready()
    {
        await using var gateway = await StartAsync(
        [
            new("WarmUp:Enabled", "true"),
            new("WarmUp:Iterations", "2"),
            new("WarmUp:MaxDuration", "00:00:01"),
            new("WarmUp:Requests:0:Operation", "NoSuchScreen"),
            new("WarmUp:Requests:1:Operation", "ProductPage"),
            new("WarmUp:Requests:1:Variables:id", "not-an-id"),
            new("WarmUp:Requests:2:Operation", ""),
        ]);

        var output = gateway.Output;
        Assert.Contains("no operation named NoSuchScreen", output, StringComparison.Ordinal);
        Assert.Contains("Warm-up: ProductPage ran 2 times", output, StringComparison.Ordinal);
        Assert.Contains("2 answered errors", output, StringComparison.Ordinal);
        Assert.Contains("Warm-up done:", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Off_outside_production_by_default()
    {
        await using var gateway = await StartAsync([]);

        Assert.DoesNotContain("Warm-up", gateway.Output, StringComparison.Ordinal);
    }

    private static async Task<GatewayProcess> StartAsync(IEnumerable<KeyValuePair<string, string>> settings)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        return await GatewayProcess.StartAsync(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "store.db")}", settings: settings);
    }
}
