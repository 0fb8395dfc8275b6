using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Loggers;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Gateway.Benchmarks.Reporting;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// Runs the BenchmarkDotNet micro-benchmarks in this process (short jobs: 3 warm-ups, 10 iterations) after checking
/// once that the gateway's ProductPage, the raw SQL one and GraphQL.NET alone's produce the same JSON, and summarizes
/// them with the overhead ratio.
/// </summary>
internal static class MicroBenchmarks
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    /// <summary>ShortRun's 3 measured iterations left the gateway's mean within ±10–40% from one run to the next.</summary>
    private const int MeasuredIterations = 10;

    public static MicroResults Run(TextWriter log)
    {
        var sameJson = CheckSameJson(log);
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(Job.ShortRun.WithIterationCount(MeasuredIterations).WithToolchain(InProcessEmitToolchain.Instance))
            .AddLogger(ConsoleLogger.Default)
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "BenchmarkDotNet.Artifacts"))
            .WithOptions(ConfigOptions.JoinSummary | ConfigOptions.DisableLogFile);

        var md = new StringBuilder();
        double? ratio = null;
        if (sameJson is null)
        {
            var summary = BenchmarkRunner.Run<ProductPageBenchmarks>(config);
            var means = summary.Reports.ToDictionary(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name, r => r);
            md.AppendLine("ProductPage (product 1: 5 reviews with authors, 4 warehouses, 4 related) in-process, the gateway through its " +
                          "`IDocumentExecuter` plus JSON serialization, against one batch of hand-written SQL through Dapper written to the same JSON " +
                          "(checked equal once before measuring):");
            md.AppendLine();
            md.AppendLine("| benchmark | mean | error (99.9%) | allocated | ratio to raw SQL |");
            md.AppendLine("|---|---|---|---|---|");
            var raw = means[nameof(ProductPageBenchmarks.RawSql)].ResultStatistics?.Mean;
            foreach (var report in summary.Reports)
            {
                var stats = report.ResultStatistics;
                var allocated = report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase);
                md.AppendLine(Inv, $"| {report.BenchmarkCase.Descriptor.WorkloadMethodDisplayInfo} | {Us(stats?.Mean)} | {Us(stats?.ConfidenceInterval.Margin)} | " +
                                   $"{Kb(allocated)} | {(stats is null || raw is null ? "—" : (stats.Mean / raw.Value).ToString("F2", Inv))} |");
            }
            var cached = means[nameof(ProductPageBenchmarks.GraphQLCached)].ResultStatistics?.Mean;
            if (cached is { } c && raw is { } r)
            {
                ratio = c / r;
            }
            md.AppendLine();
            if (ratio is { } value)
            {
                var verdict = value <= BenchmarkReport.OverheadTarget ? "met." : "**missed**.";
                md.AppendLine(Inv, $"**Overhead ratio (GraphQL with cached document / raw SQL): {value:F2}**; target at most {BenchmarkReport.OverheadTarget:F0}: {verdict}");
            }
            else
            {
                md.AppendLine("Overhead ratio: not measured (a benchmark failed; see the console log).");
            }
        }
        else
        {
            md.AppendLine("**ProductPage overhead: not measured.** " + sameJson);
        }
        md.AppendLine();

        var parse = BenchmarkRunner.Run<ParseValidateBenchmarks>(config);
        md.AppendLine("Parse and validate (the work a document-cache hit skips), per screen document:");
        md.AppendLine();
        md.AppendLine("| screen | parse | parse + validate | allocated (parse + validate) |");
        md.AppendLine("|---|---|---|---|");
        foreach (var screen in parse.Reports.GroupBy(r => (string)r.BenchmarkCase.Parameters["Screen"]))
        {
            var p = screen.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ParseValidateBenchmarks.Parse));
            var v = screen.First(r => r.BenchmarkCase.Descriptor.WorkloadMethod.Name == nameof(ParseValidateBenchmarks.ParseAndValidate));
            md.AppendLine(Inv, $"| {screen.Key} | {Us(p.ResultStatistics?.Mean)} | {Us(v.ResultStatistics?.Mean)} | " +
                               $"{Kb(v.GcStats.GetBytesAllocatedPerOperation(v.BenchmarkCase))} |");
        }
        md.AppendLine();
        md.AppendLine(Inv, $"BenchmarkDotNet ShortRun job with {MeasuredIterations} measured iterations (1 launch, 3 warm-up iterations), in-process emit toolchain.");
        return new MicroResults(md.ToString(), ratio);
    }

    /// <summary>Null when both produce the same JSON; otherwise why the overhead cannot be measured.</summary>
    private static string? CheckSameJson(TextWriter log)
    {
        var fixture = new MicroFixture();
        try
        {
            var graphQL = fixture.GraphQLProductPageAsync(fixture.Cached).GetAwaiter().GetResult();
            var raw = fixture.RawSql.FetchAsync(MicroFixture.ProductId).GetAwaiter().GetResult();
            var graphNode = JsonNode.Parse(graphQL)!;
            if (graphNode["errors"] is JsonArray { Count: > 0 } errors)
            {
                var message = errors[0]?["extensions"]?["exception"]?["message"] ?? errors[0]?["message"];
                return $"The gateway's ProductPage fails: {message}";
            }
            if (!JsonNode.DeepEquals(graphNode, JsonNode.Parse(raw)))
            {
                return $"The raw SQL ProductPage differs from the gateway's (both written to {KeepBoth(graphQL, raw, "rawsql")}).";
            }
            var alone = fixture.GraphQLNetAlone.ExecuteAsync().GetAwaiter().GetResult();
            if (!JsonNode.DeepEquals(graphNode, JsonNode.Parse(alone)))
            {
                return $"GraphQL.NET alone answers the ProductPage otherwise than the gateway (both written to {KeepBoth(graphQL, alone, "graphqlnet-alone")}).";
            }
            log.WriteLine("micro: the raw SQL ProductPage, GraphQL.NET alone's and the gateway's are the same JSON.");
            return null;
        }
        finally
        {
            fixture.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    /// <summary>Writes the gateway's answer and another that should equal it side by side, for a look; returns their folder.</summary>
    private static string KeepBoth(string gateway, string other, string otherName)
    {
        var folder = Path.Combine(Path.GetTempPath(), "gateway-benchmarks");
        File.WriteAllText(Path.Combine(folder, "ProductPage.gateway.json"), gateway);
        File.WriteAllText(Path.Combine(folder, $"ProductPage.{otherName}.json"), other);
        return folder;
    }

    private static string Us(double? nanoseconds) => nanoseconds is { } ns ? (ns / 1000).ToString("N1", Inv) + " µs" : "—";

    private static string Kb(long? bytes) => bytes is { } b ? (b / 1024.0).ToString("N1", Inv) + " KB" : "—";
}
