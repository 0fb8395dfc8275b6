namespace Gateway.Benchmarks;

/// <summary>
/// <c>dotnet run -c Release --project tests/Gateway.Benchmarks -- all|chattiness|throughput|micro|latency [--quick] [--scale N] [--out DIR]</c>.
/// A class rather than top-level statements: the gateway's own <c>Program</c> must stay the only one for its host factory.
/// </summary>
internal static class BenchmarkProgram
{
    public static async Task<int> Main(string[] args)
    {
        BenchmarkSettings settings;
        try
        {
            settings = BenchmarkSettings.Parse(args);
        }
        catch (ArgumentException exception)
        {
            Console.Error.WriteLine(exception.Message);
            return 2;
        }
        return await BenchmarkRun.RunAsync(settings, Console.Out);
    }
}
