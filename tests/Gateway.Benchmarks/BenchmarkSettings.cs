using System.Globalization;

namespace Gateway.Benchmarks;

/// <summary>The command line: <c>all|chattiness|throughput|micro|latency [--quick] [--scale N] [--out DIR]</c>.</summary>
internal sealed record BenchmarkSettings(string Command, bool Quick, int Scale, string? OutputDirectory)
{
    public const string Usage = "Usage: all | chattiness | throughput | micro | latency  [--quick] [--scale N] [--out DIR]";

    public IReadOnlyList<int> RoundTripTimesMs => Quick ? [0] : [0, 20, 50];

    /// <summary>Loads at each round-trip time before its timed ones (a connection at that delay, the client's buffers).</summary>
    public int WarmupIterations => Quick ? 0 : 3;

    /// <summary>How long each screen is loaded each way at RTT 0 before any timing, until its code is at its final JIT tier.</summary>
    public TimeSpan WarmUpDuration => Quick ? TimeSpan.Zero : TimeSpan.FromSeconds(3);

    public int TimedIterations => Quick ? 1 : 25;

    public IReadOnlyList<int> Concurrencies => Quick ? [2] : [1, 8, 32];

    public TimeSpan ThroughputDuration => Quick ? TimeSpan.FromMilliseconds(300) : TimeSpan.FromSeconds(5);

    /// <summary>Screen loads per throughput cell at most, so a very fast machine still ends.</summary>
    public int ThroughputMaxLoads => Quick ? 50 : 200_000;

    public bool RunsChattiness => Command is "all" or "chattiness";

    public bool RunsThroughput => Command is "all" or "throughput";

    public bool RunsMicro => !Quick && Command is "all" or "micro";

    /// <summary>In-process single-request latency per screen: its own command, not part of <c>all</c>.</summary>
    public bool RunsLatency => Command is "latency";

    public static BenchmarkSettings Parse(IReadOnlyList<string> args)
    {
        var command = "all";
        var quick = false;
        var scale = 1;
        string? output = null;
        for (var i = 0; i < args.Count; i++)
        {
            switch (args[i])
            {
                case "all" or "chattiness" or "throughput" or "micro" or "latency":
                    command = args[i];
                    break;
                case "--quick":
                    quick = true;
                    break;
                case "--scale" when i + 1 < args.Count && int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var s) && s > 0:
                    scale = s;
                    i++;
                    break;
                case "--out" when i + 1 < args.Count:
                    output = args[++i];
                    break;
                default:
                    throw new ArgumentException($"Unknown argument '{args[i]}'. {Usage}");
            }
        }
        return new BenchmarkSettings(command, quick, scale, output);
    }
}
