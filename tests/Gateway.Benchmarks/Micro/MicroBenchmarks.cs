namespace Gateway.Benchmarks.Micro;

/// <summary>Runs the BenchmarkDotNet micro-benchmarks in-process (short jobs) and summarizes them.</summary>
internal static class MicroBenchmarks
{
    public static MicroResults Run(TextWriter log)
    {
        log.WriteLine("micro: not yet implemented");
        return new MicroResults("Not measured in this run.", null);
    }
}
