namespace Gateway.Benchmarks.Chattiness;

internal enum Way
{
    Rest,
    GraphQL,
}

/// <summary>What one load of a screen costs one way.</summary>
internal sealed record ScreenCost(string Screen, Way Way, int RoundTrips, int Waves, long RequestBytes, long ResponseBytes, int? SqlStatements);

/// <summary>Wall time of loading a screen one way with a simulated round-trip time per request.</summary>
internal sealed record ScreenTiming(string Screen, Way Way, int RoundTripTimeMs, double MedianMs, double P95Ms, int Iterations);

/// <summary>A screen whose GraphQL side could not be measured or compared, and why.</summary>
internal sealed record ScreenFailure(string Screen, string Reason);

/// <summary>
/// Wall time of one exchange with nothing behind it (the gateway's liveness probe) at a simulated round-trip time: the
/// least any request costs this client on this machine, the server's wake-up after the idle wait included.
/// </summary>
internal sealed record EmptyExchangeTiming(int RoundTripTimeMs, double MedianMs, double P95Ms, int Iterations);

internal sealed record ChattinessResults(
    IReadOnlyList<ScreenCost> Costs, IReadOnlyList<ScreenTiming> Timings, IReadOnlyList<ScreenFailure> Failures, IReadOnlyList<string> Verified,
    IReadOnlyList<EmptyExchangeTiming> EmptyExchanges);

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of <paramref name="values"/> (p in 0..100).</summary>
    public static double Of(IReadOnlyList<double> values, double p)
    {
        if (values.Count == 0)
        {
            return double.NaN;
        }
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
