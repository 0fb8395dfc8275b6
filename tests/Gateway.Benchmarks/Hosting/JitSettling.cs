using System.Diagnostics;
using System.Runtime;

namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// Warms code in this process up to its final JIT tier before it is timed: .NET compiles a hot method again, optimized,
/// only after it has run a while, on a background thread. A fixed number of warm-up calls (the benchmarks had 3 to 300)
/// timed tier-0 code for seconds on this 2-core machine; rounds until a round compiles (almost) nothing new do not.
/// The gateway's own <c>WarmUp</c> does the same before a replica reports ready.
/// </summary>
internal static class JitSettling
{
    /// <summary>A round that compiled fewer new methods than this found the JIT settled.</summary>
    private const int SettledBelow = 20;

    /// <summary>
    /// Runs <paramref name="work"/> in rounds of <paramref name="callsPerRound"/> calls until a round (and the pause after
    /// it, in which the background compiler drains its queue) compiled fewer than 20 new methods, for at most
    /// <paramref name="max"/>. Returns the rounds run.
    /// </summary>
    public static async Task<int> UntilSettledAsync(Func<Task> work, int callsPerRound, TimeSpan max)
    {
        var started = Stopwatch.GetTimestamp();
        var rounds = 0;
        long compiled;
        do
        {
            rounds++;
            compiled = JitInfo.GetCompiledMethodCount();
            for (var i = 0; i < callsPerRound; i++)
            {
                await work();
            }

            await Task.Delay(200);
        }
        while (JitInfo.GetCompiledMethodCount() - compiled >= SettledBelow && Stopwatch.GetElapsedTime(started) < max);

        return rounds;
    }
}
