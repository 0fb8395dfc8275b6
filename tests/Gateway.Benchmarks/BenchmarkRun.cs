using Gateway.Benchmarks.Chattiness;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Latency;
using Gateway.Benchmarks.Micro;
using Gateway.Benchmarks.Reporting;
using Gateway.Benchmarks.Screens;
using Gateway.Benchmarks.Throughput;

namespace Gateway.Benchmarks;

/// <summary>One run of the benchmark program: starts the gateway, runs the asked-for parts, writes the report.</summary>
internal static class BenchmarkRun
{
    public const string ReportFileName = "benchmarks.md";
    public const string ChartFileName = "benchmarks.png";
    public const string LatencyFileName = "latency.md";

    /// <summary>Product 1 has many reviews; the category and cap give a full first page with a next one.</summary>
    public static IReadOnlyList<Screen> Screens() =>
    [
        new ProductPageScreen(productId: 1),
        new CatalogPageScreen(slug: "fiction", maxPrice: 250m),
        new HomePageScreen(),
        new OrderHistoryScreen(),
    ];

    /// <summary>Exit code 0 when every measured screen rendered the same data both ways; 1 on a mismatch or failure.</summary>
    public static async Task<int> RunAsync(BenchmarkSettings settings, TextWriter log)
    {
        var screens = Screens();
        if (settings.RunsLatency)
        {
            var table = await new LatencyBenchmark(settings, log).RunAsync(screens);
            var output = settings.OutputDirectory ?? Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "latency");
            Directory.CreateDirectory(output);
            await File.WriteAllTextAsync(Path.Combine(output, LatencyFileName), table);
            log.WriteLine($"Report: {Path.Combine(output, LatencyFileName)}");
            return 0;
        }

        ChattinessResults? chattiness = null;
        IReadOnlyList<ThroughputCell>? throughput = null;
        long? workingSet = null;
        MicroResults? micro = null;

        if (settings.RunsChattiness || settings.RunsThroughput)
        {
            await using var gateway = await GatewayProcess.StartAsync(settings.Scale, log);
            var customer = await gateway.BusiestCustomerAsync();
            var token = await gateway.IssueTokenAsync(customer);
            log.WriteLine($"Signed in as customer {customer}.");
            try
            {
                chattiness = await new ChattinessBenchmark(gateway.BaseAddress, token, settings, log).RunAsync(screens);
            }
            catch (InvalidOperationException exception) when (exception.Message.Contains("render different data", StringComparison.Ordinal))
            {
                log.WriteLine("MISMATCH: " + exception.Message);
                return 1;
            }
            if (settings.RunsThroughput)
            {
                throughput = await new ThroughputBenchmark(gateway.BaseAddress, token, settings, log)
                    .RunAsync(screens, chattiness.Verified.ToHashSet());
                workingSet = gateway.WorkingSet;
            }
        }
        if (settings.RunsMicro)
        {
            micro = MicroBenchmarks.Run(log);
        }

        var report = new BenchmarkReport(DateTimeOffset.UtcNow, MachineInfo.Current(), settings.Scale, settings.Quick, chattiness, throughput, workingSet, micro);
        var folder = settings.OutputDirectory ?? (settings.Quick ? Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "quick") : RepositoryPaths.Docs);
        Directory.CreateDirectory(folder);
        if (chattiness is not null)
        {
            ChartWriter.Write(chattiness, Path.Combine(folder, ChartFileName));
        }
        await File.WriteAllTextAsync(Path.Combine(folder, ReportFileName), MarkdownWriter.Write(report, ChartFileName));
        log.WriteLine($"Report: {Path.Combine(folder, ReportFileName)}");
        LastReport = report;
        return chattiness is { Failures.Count: > 0 } ? 1 : 0;
    }

    /// <summary>The report of the last run in this process, for the quick-mode test.</summary>
    public static BenchmarkReport? LastReport { get; private set; }
}
