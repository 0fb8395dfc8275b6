namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// Warms code in this process up to its final JIT tier before it is timed, with the gateway's own
/// <see cref="Gateway.WarmUp.JitSettling"/>: a fixed number of warm-up calls (the benchmarks had 3 to 300) timed tier-0
/// code for seconds on this 2-core machine.
/// </summary>
internal static class JitSettling
{
    /// <summary>Rounds of <paramref name="callsPerRound"/> calls of <paramref name="work"/> until a round compiles fewer than 20 new methods, for at most <paramref name="max"/>.</summary>
    public static Task<int> UntilSettledAsync(Func<Task> work, int callsPerRound, TimeSpan max) =>
        Gateway.WarmUp.JitSettling.UntilSettledAsync(async _ =>
        {
            for (var i = 0; i < callsPerRound; i++)
            {
                await work();
            }
        }, settledAtMost: 19, TimeSpan.FromMilliseconds(200), max);
}
