using System.Diagnostics;
using Gateway.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Gateway.Tests.Shipping;

/// <summary>A bounded load run while the remote flaps between healthy, failing and slow: no request fails as a whole.</summary>
public sealed class DeliveryFlappingLoadTests(ITestOutputHelper output)
{
    [Fact]
    public async Task No_request_fails_as_a_whole_while_the_remote_flaps()
    {
        await using var remote = await RemoteShipping.StartAsync();
        await using var gateway = new ShippingGatewayFactory(remote.Url, ("Shipping:BreakDuration", "00:00:00.5"));
        var client = gateway.CreateClient();
        // Warm-up of the new host before the remote flaps: a cold host's first calls (JIT at tier 0 on a machine busy
        // with the other test classes) can outlast the 350 ms attempt timeout, so it retries a few times until whole.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            if ((await client.PostGraphQLAsync(DeliveryQueries.CatalogPage(5)))["errors"] is null)
            {
                break;
            }
        }

        using var stop = new CancellationTokenSource();
        var flapper = Task.Run(async () =>
        {
            ShippingFault[] cycle = [ShippingFault.None, ShippingFault.ServerError, ShippingFault.None, ShippingFault.Slow];
            for (var i = 0; !stop.IsCancellationRequested; i++)
            {
                remote.Fault = cycle[i % cycle.Length];
                await Task.Delay(150).ContinueWith(_ => { });
            }
        });

        var watch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 6).Select(async _ =>
        {
            var seen = new List<(string Outcome, long Ms)>();
            for (var i = 0; i < 8; i++)
            {
                var request = Stopwatch.StartNew();
                var result = await client.PostGraphQLAsync(DeliveryQueries.CatalogPage(5));
                var nodes = result["data"]!["products"]!["nodes"]!.AsArray();
                Assert.Equal(5, nodes.Count);
                Assert.All(nodes, n => Assert.NotNull(n!["name"]));
                var codes = result["errors"]?.AsArray().Select(e => e!["extensions"]!["code"]!.GetValue<string>()).Distinct().ToList() ?? [];
                Assert.All(codes, c => Assert.StartsWith("UPSTREAM_", c));
                seen.Add((codes.Count == 0 ? "ok" : string.Join(",", codes), request.ElapsedMilliseconds));
            }

            return seen;
        }));
        stop.Cancel();
        await flapper;

        var all = outcomes.SelectMany(o => o).ToList();
        foreach (var group in all.GroupBy(o => o.Outcome))
        {
            output.WriteLine($"{group.Key}: {group.Count()} requests, slowest {group.Max(o => o.Ms)} ms");
        }

        Assert.Equal(48, all.Count);
        Assert.Contains(all, o => o.Outcome == "ok");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(60));
    }
}
