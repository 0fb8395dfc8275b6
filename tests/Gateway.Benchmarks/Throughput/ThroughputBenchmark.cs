using System.Diagnostics;
using Gateway.Benchmarks.Chattiness;
using Gateway.Benchmarks.Http;
using Gateway.Benchmarks.Screens;

namespace Gateway.Benchmarks.Throughput;

/// <summary>Screen loads per second and their latency with N virtual users loading a screen over and over.</summary>
internal sealed record ThroughputCell(
    string Screen, Way Way, int Concurrency, int Loads, double LoadsPerSecond, double HttpRequestsPerSecond, double P50Ms, double P99Ms);

internal sealed record ThroughputResults(IReadOnlyList<ThroughputCell> Cells, long GatewayWorkingSetBytes);

/// <summary>
/// Each virtual user is a browser tab of its own (its own 6-request limit, no simulated latency) looping on one screen
/// until the cell's time or load budget is spent. The gateway runs in its own process, so the load generator's CPU
/// competes with it on the same machine: the figures compare the two ways, they are not capacity figures.
/// </summary>
internal sealed class ThroughputBenchmark(Uri baseAddress, string bearerToken, BenchmarkSettings settings, TextWriter log)
{
    public async Task<IReadOnlyList<ThroughputCell>> RunAsync(IReadOnlyList<Screen> screens, IReadOnlySet<string> graphQLScreens)
    {
        using var pool = GatewayClient.CreateConnectionPool();
        var cells = new List<ThroughputCell>();
        foreach (var screen in screens)
        {
            foreach (var way in new[] { Way.Rest, Way.GraphQL })
            {
                if (way == Way.GraphQL && !graphQLScreens.Contains(screen.Name))
                {
                    continue;
                }
                foreach (var concurrency in settings.Concurrencies)
                {
                    var cell = await RunCellAsync(pool, screen, way, concurrency);
                    cells.Add(cell);
                    log.WriteLine($"{screen.Name,-13} {way,-8} x{concurrency,-3}: {cell.LoadsPerSecond,8:F1} screens/s, " +
                                  $"{cell.HttpRequestsPerSecond,8:F1} req/s, p50 {cell.P50Ms,7:F1} ms, p99 {cell.P99Ms,7:F1} ms");
                }
            }
        }
        return cells;
    }

    private async Task<ThroughputCell> RunCellAsync(HttpMessageHandler pool, Screen screen, Way way, int concurrency)
    {
        var clients = Enumerable.Range(0, concurrency).Select(_ => new GatewayClient(baseAddress, pool, TimeSpan.Zero, bearerToken)).ToList();
        try
        {
            // One unmeasured load per user opens its connections.
            await Task.WhenAll(clients.Select(c => Load(screen, way, c, new ExchangeTally())));
            var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
            var requests = 0;
            var remaining = settings.ThroughputMaxLoads;
            var clock = Stopwatch.StartNew();
            await Task.WhenAll(clients.Select(async client =>
            {
                while (clock.Elapsed < settings.ThroughputDuration && Interlocked.Decrement(ref remaining) >= 0)
                {
                    var tally = new ExchangeTally();
                    var started = Stopwatch.GetTimestamp();
                    await Load(screen, way, client, tally);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    Interlocked.Add(ref requests, tally.RoundTrips);
                }
            }));
            var seconds = clock.Elapsed.TotalSeconds;
            var samples = latencies.ToList();
            return new ThroughputCell(screen.Name, way, concurrency, samples.Count, samples.Count / seconds, requests / seconds,
                Percentiles.Of(samples, 50), Percentiles.Of(samples, 99));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    private static Task Load(Screen screen, Way way, GatewayClient client, ExchangeTally tally) =>
        way == Way.Rest ? screen.FetchRestAsync(client, tally) : screen.FetchGraphQLAsync(client, tally);
}
