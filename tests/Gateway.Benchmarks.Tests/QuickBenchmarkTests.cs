using Gateway.Benchmarks;
using Gateway.Benchmarks.Chattiness;

namespace Gateway.Benchmarks.Tests;

/// <summary>
/// The benchmark program end to end in quick mode (1 iteration, RTT 0, a short throughput cell, no BenchmarkDotNet):
/// the gateway in its own process, every screen's REST flow, and the same data both ways.
/// </summary>
public sealed class QuickBenchmarkTests
{
    private static readonly string[] ScreenNames = ["ProductPage", "CatalogPage", "HomePage", "OrderHistory"];

    [Fact]
    public async Task Every_screen_renders_the_same_data_over_rest_and_graphql()
    {
        var output = Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "quick-test-" + Guid.NewGuid().ToString("N"));
        var log = new StringWriter();
        try
        {
            var exitCode = await BenchmarkRun.RunAsync(BenchmarkSettings.Parse(["all", "--quick", "--out", output]), log);

            var report = BenchmarkRun.LastReport;
            Assert.NotNull(report);
            var chattiness = report.Chattiness!;
            Assert.True(exitCode == 0, "The benchmark failed:" + Environment.NewLine + log);
            Assert.Empty(chattiness.Failures);
            Assert.Equal(ScreenNames, chattiness.Verified);
            foreach (var screen in ScreenNames)
            {
                var rest = chattiness.Costs.Single(c => c.Screen == screen && c.Way == Way.Rest);
                var graphQL = chattiness.Costs.Single(c => c.Screen == screen && c.Way == Way.GraphQL);
                Assert.True(rest.RoundTrips > rest.Waves && rest.Waves >= 2, $"{screen}: {rest}");
                Assert.Equal((1, 1), (graphQL.RoundTrips, graphQL.Waves));
                Assert.True(rest.SqlStatements > 0 && graphQL.SqlStatements > 0, $"{screen}: SQL statements not reported");
            }
            // The empty exchange timed at the quick run's one round-trip time, and the ceiling it sets in the report.
            var empty = Assert.Single(chattiness.EmptyExchanges);
            Assert.True(empty.MedianMs > 0, $"empty exchange: {empty}");
            Assert.Equal(ScreenNames.Length * 2, report.Throughput!.Count);
            Assert.True(File.Exists(Path.Combine(output, BenchmarkRun.ReportFileName)));
            var markdown = await File.ReadAllTextAsync(Path.Combine(output, BenchmarkRun.ReportFileName));
            Assert.Contains("## The floor of one exchange, and the ceiling it sets", markdown);
            Assert.True(new FileInfo(Path.Combine(output, BenchmarkRun.ChartFileName)).Length > 1000);
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}
