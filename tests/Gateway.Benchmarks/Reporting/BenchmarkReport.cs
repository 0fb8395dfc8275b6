using Gateway.Benchmarks.Chattiness;
using Gateway.Benchmarks.Micro;
using Gateway.Benchmarks.Throughput;

namespace Gateway.Benchmarks.Reporting;

/// <summary>Everything one run measured, with the context needed to read it.</summary>
internal sealed record BenchmarkReport(
    DateTimeOffset Date,
    MachineInfo Machine,
    int Scale,
    bool Quick,
    ChattinessResults? Chattiness,
    IReadOnlyList<ThroughputCell>? Throughput,
    long? GatewayWorkingSetBytes,
    MicroResults? Micro)
{
    /// <summary>The headline targets: at 20 ms RTT GraphQL at least 3x faster and at most half the bytes; overhead ratio at most 2.</summary>
    public const double SpeedupTarget = 3;
    public const double BytesRatioTarget = 0.5;
    public const double OverheadTarget = 2;
    public const int HeadlineRttMs = 20;
}
