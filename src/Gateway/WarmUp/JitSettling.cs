using System.Diagnostics;
using System.Runtime;

namespace Gateway.WarmUp;

/// <summary>
/// Runs work in rounds until the JIT has settled: .NET compiles a hot method again, optimized, only after it has run a
/// while, on a background thread. A round that compiled (almost) nothing new, counted after a pause in which the
/// background compiler drains its queue, means the work's code is at its final tier. Used by the screens' warm-up and
/// by the benchmarks, which time code only once it is there.
/// </summary>
public static class JitSettling
{
    /// <summary>
    /// Calls <paramref name="round"/> (with the round's number, from 1) until a round compiles at most
    /// <paramref name="settledAtMost"/> new methods, or until <paramref name="max"/> has passed. Returns the rounds run.
    /// </summary>
    public static async Task<int> UntilSettledAsync(Func<int, Task> round, int settledAtMost, TimeSpan pause, TimeSpan max,
        CancellationToken cancellationToken = default)
    {
        var started = Stopwatch.GetTimestamp();
        var rounds = 0;
        long compiled;
        do
        {
            rounds++;
            compiled = JitInfo.GetCompiledMethodCount();
            await round(rounds);
            await Task.Delay(pause, cancellationToken);
        }
        while (JitInfo.GetCompiledMethodCount() - compiled > settledAtMost && Stopwatch.GetElapsedTime(started) < max);

        return rounds;
    }
}
