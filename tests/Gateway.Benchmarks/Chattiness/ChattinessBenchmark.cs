using System.Diagnostics;
using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using Gateway.Benchmarks.Screens;

namespace Gateway.Benchmarks.Chattiness;

/// <summary>
/// For each screen: loads it both ways once and checks the views are equal (a mismatch fails the run), records round
/// trips, waves, bytes and SQL statements, then times repeated loads at each simulated round-trip time, and an empty
/// exchange at each (the floor under any one request there).
/// </summary>
internal sealed class ChattinessBenchmark(Uri baseAddress, string bearerToken, BenchmarkSettings settings, TextWriter log)
{
    public async Task<ChattinessResults> RunAsync(IReadOnlyList<Screen> screens)
    {
        using var pool = GatewayClient.CreateConnectionPool();
        var costs = new List<ScreenCost>();
        var timings = new List<ScreenTiming>();
        var failures = new List<ScreenFailure>();
        var verified = new List<string>();
        var graphQLWorks = new HashSet<string>();
        var emptyExchanges = new List<EmptyExchangeTiming>();

        using (var client = new GatewayClient(baseAddress, pool, TimeSpan.Zero, bearerToken))
        {
            foreach (var screen in screens)
            {
                var restTally = new ExchangeTally();
                var restView = await screen.FetchRestAsync(client, restTally);
                costs.Add(Cost(screen, Way.Rest, restTally));
                var graphTally = new ExchangeTally();
                JsonNode graphView;
                try
                {
                    graphView = await screen.FetchGraphQLAsync(client, graphTally);
                }
                catch (Exception exception) when (exception is InvalidOperationException or HttpRequestException or KeyNotFoundException or NullReferenceException or FormatException)
                {
                    failures.Add(new ScreenFailure(screen.Name, "GraphQL side failed: " + exception.Message));
                    log.WriteLine($"{screen.Name}: GraphQL FAILED: {exception.Message}");
                    continue;
                }
                // Same data or no figures: a faster screen that renders something else proves nothing.
                View.AssertSame(screen.Name, restView, graphView);
                costs.Add(Cost(screen, Way.GraphQL, graphTally));
                verified.Add(screen.Name);
                graphQLWorks.Add(screen.Name);
                log.WriteLine($"{screen.Name}: same data both ways; REST {restTally.RoundTrips} round trips in {restTally.Waves} waves, GraphQL 1.");
            }
        }

        // Both ways of every screen at RTT 0 until this process's and the gateway's code for them is optimized: the
        // gateway's warm-up covers its screens, not the REST endpoints, nor this client.
        using (var client = new GatewayClient(baseAddress, pool, TimeSpan.Zero, bearerToken))
        {
            foreach (var screen in screens)
            {
                await WarmUpAsync(() => screen.FetchRestAsync(client, new ExchangeTally()));
                if (graphQLWorks.Contains(screen.Name))
                {
                    await WarmUpAsync(() => screen.FetchGraphQLAsync(client, new ExchangeTally()));
                }
            }
        }

        foreach (var rtt in settings.RoundTripTimesMs)
        {
            using var client = new GatewayClient(baseAddress, pool, TimeSpan.FromMilliseconds(rtt), bearerToken);
            emptyExchanges.Add(await TimeEmptyExchangeAsync(client, rtt));
            foreach (var screen in screens)
            {
                timings.Add(await TimeAsync(screen, Way.Rest, rtt, t => screen.FetchRestAsync(client, t)));
                if (graphQLWorks.Contains(screen.Name))
                {
                    timings.Add(await TimeAsync(screen, Way.GraphQL, rtt, t => screen.FetchGraphQLAsync(client, t)));
                }
            }
        }
        return new ChattinessResults(costs, timings, failures, verified, emptyExchanges);
    }

    private async Task WarmUpAsync(Func<Task> load)
    {
        var started = Stopwatch.GetTimestamp();
        while (Stopwatch.GetElapsedTime(started) < settings.WarmUpDuration)
        {
            await load();
        }
    }

    private async Task<ScreenTiming> TimeAsync(Screen screen, Way way, int rtt, Func<ExchangeTally, Task<JsonNode>> load)
    {
        var samples = await SampleAsync(() => load(new ExchangeTally()));
        var timing = new ScreenTiming(screen.Name, way, rtt, Percentiles.Of(samples, 50), Percentiles.Of(samples, 95), samples.Count);
        log.WriteLine($"{screen.Name,-13} {way,-8} RTT {rtt,2} ms: median {timing.MedianMs,8:F1} ms, p95 {timing.P95Ms,8:F1} ms");
        return timing;
    }

    /// <summary>Wall times of <paramref name="load"/>'s timed iterations, after its warm-up iterations.</summary>
    private async Task<List<double>> SampleAsync(Func<Task> load)
    {
        for (var i = 0; i < settings.WarmupIterations; i++)
        {
            await load();
        }
        var samples = new List<double>(settings.TimedIterations);
        for (var i = 0; i < settings.TimedIterations; i++)
        {
            var started = Stopwatch.GetTimestamp();
            await load();
            samples.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        return samples;
    }

    /// <summary>
    /// The liveness probe, timed as a screen is: no GraphQL, no SQL, a few bytes. A screen's REST time over this is the
    /// speed-up a GraphQL request that cost its server nothing would reach at that round-trip time.
    /// </summary>
    private async Task<EmptyExchangeTiming> TimeEmptyExchangeAsync(GatewayClient client, int rtt)
    {
        var samples = await SampleAsync(() => client.ExchangeAsync(EmptyExchangePath));
        var timing = new EmptyExchangeTiming(rtt, Percentiles.Of(samples, 50), Percentiles.Of(samples, 95), samples.Count);
        log.WriteLine($"{"empty exchange",-22} RTT {rtt,2} ms: median {timing.MedianMs,8:F1} ms, p95 {timing.P95Ms,8:F1} ms");
        return timing;
    }

    private const string EmptyExchangePath = "/health/live";

    private static ScreenCost Cost(Screen screen, Way way, ExchangeTally tally) =>
        new(screen.Name, way, tally.RoundTrips, tally.Waves, tally.RequestBytes, tally.ResponseBytes, tally.SqlStatements);
}
