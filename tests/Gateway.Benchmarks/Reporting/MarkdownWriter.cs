using System.Globalization;
using System.Text;
using Gateway.Benchmarks.Chattiness;

namespace Gateway.Benchmarks.Reporting;

/// <summary>Writes docs/benchmarks.md: method, machine, the tables and whether each target figure was reached.</summary>
internal static class MarkdownWriter
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    public static string Write(BenchmarkReport report, string chartFileName)
    {
        var md = new StringBuilder();
        md.AppendLine("# Benchmarks: one GraphQL request against the REST flow");
        md.AppendLine();
        var quick = report.Quick ? " — **quick mode: 1 iteration, not representative**." : ".";
        md.AppendLine(Inv, $"Measured {report.Date:yyyy-MM-dd HH:mm} UTC on {report.Machine.CpuModel} ({report.Machine.LogicalCores} logical cores), " +
                           $"{report.Machine.Os}, {report.Machine.Runtime}; store seed scale {report.Scale}{quick}");
        md.AppendLine();
        md.AppendLine("Reproduce: `dotnet run -c Release --project tests/Gateway.Benchmarks -- all` (add `--scale N` for a bigger store).");
        md.AppendLine();
        Method(md);
        if (report.Chattiness is { } chattiness)
        {
            Headline(md, report, chattiness);
            md.AppendLine(Inv, $"![Median screen load time, REST flow against one GraphQL request]({chartFileName})");
            md.AppendLine();
            Costs(md, chattiness);
            Timings(md, chattiness);
            Ceiling(md, chattiness);
        }
        if (report.Throughput is { } cells)
        {
            Throughput(md, cells, report.GatewayWorkingSetBytes);
        }
        if (report.Micro is { } micro)
        {
            MicroSection(md, micro);
        }
        return md.ToString();
    }

    private static void Method(StringBuilder md)
    {
        md.AppendLine("## Method");
        md.AppendLine();
        md.AppendLine("- The gateway runs in its own process (the Release build of `src/Gateway`, Production environment, temporary SQLite store, " +
                      "bound to 127.0.0.1), with `Diagnostics:CountSqlStatements=true` so each response carries `X-Sql-Statements`: the database " +
                      "commands the request ran (counted from EF Core's command diagnostics events).");
        md.AppendLine("- REST: the flows of `docs/rest-equivalent.md`, in waves (a wave needs ids from the one before; calls within a " +
                      "wave in parallel, at most 6 in flight per origin, as a browser over HTTP/1.1). A client caches what it already read (OrderHistory " +
                      "does not re-fetch a product it has). GraphQL: the screen's document in `schema/operations/` in one POST. Every client is signed in (bearer token of " +
                      "the customer with the most orders, from the gateway's `token` command).");
        md.AppendLine("- Delivery estimates (ProductPage, CatalogPage, country DE): the GraphQL screen's `delivery` fields are one call from the gateway " +
                      "to the shipping service it embeds (`/shipping/graphql`, over loopback), part of the request's server time; the REST flow calls " +
                      "`GET /shipping/estimates` once per product, in the wave that has the product's weight and warehouses. SQL statements are the " +
                      "gateway store's: the shipping service's reads of its own store are counted on neither side.");
        md.AppendLine("- Before measuring, each screen is loaded both ways and mapped into one normalized view model (numeric ids, money, averages to 6 places, " +
                      "instants in UTC, cursors left out); the run fails if the two differ.");
        md.AppendLine("- Bytes: approximate HTTP/1.1 wire size, request line (or status line) + header lines + blank line + body, as the client sent and " +
                      "received them (the Host header included; chunk framing, TCP and TLS not). Browsers add headers of their own (User-Agent, cookies…), " +
                      "which would weigh on REST's many requests.");
        md.AppendLine("- Wall time: median and p95 of repeated loads (after warm-up) with a simulated network round-trip time added to every request while it " +
                      "holds one of the 6 connections (a delaying handler on the client side); the load generator and the gateway share the machine.");
        md.AppendLine();
    }

    private static void Headline(StringBuilder md, BenchmarkReport report, ChattinessResults results)
    {
        md.AppendLine(Inv, $"## Headline (RTT {BenchmarkReport.HeadlineRttMs} ms)");
        md.AppendLine();
        md.AppendLine("| screen | REST round trips / waves | GraphQL | REST median | GraphQL median | speed-up | bytes GraphQL / REST | targets (≥3x, ≤0.5) |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        var misses = new List<string>();
        foreach (var screen in results.Costs.Select(c => c.Screen).Distinct())
        {
            var rest = results.Costs.First(c => c.Screen == screen && c.Way == Way.Rest);
            var graph = results.Costs.FirstOrDefault(c => c.Screen == screen && c.Way == Way.GraphQL);
            var restTime = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.Rest && t.RoundTripTimeMs == BenchmarkReport.HeadlineRttMs);
            var graphTime = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.GraphQL && t.RoundTripTimeMs == BenchmarkReport.HeadlineRttMs);
            if (graph is null || restTime is null || graphTime is null)
            {
                md.AppendLine(Inv, $"| {screen} | {rest.RoundTrips} / {rest.Waves} | — | {Ms(restTime?.MedianMs)} | — | — | — | not measured |");
                continue;
            }
            var speedup = restTime.MedianMs / graphTime.MedianMs;
            var bytes = (double)(graph.RequestBytes + graph.ResponseBytes) / (rest.RequestBytes + rest.ResponseBytes);
            var met = speedup >= BenchmarkReport.SpeedupTarget && bytes <= BenchmarkReport.BytesRatioTarget;
            md.AppendLine(Inv, $"| {screen} | {rest.RoundTrips} / {rest.Waves} | 1 / 1 | {Ms(restTime.MedianMs)} | {Ms(graphTime.MedianMs)} | " +
                               $"{speedup:F1}x | {bytes:F2} | {(met ? "met" : "**missed**")} |");
            if (speedup < BenchmarkReport.SpeedupTarget)
            {
                var restServer = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.Rest && t.RoundTripTimeMs == 0);
                var graphServer = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.GraphQL && t.RoundTripTimeMs == 0);
                // The project runs with invariant globalization: plain interpolation formats invariantly.
                misses.Add($"{screen}: {speedup:F1}x, short of {BenchmarkReport.SpeedupTarget:F0}x. Without added latency the GraphQL request " +
                    $"takes {Ms(graphServer?.MedianMs)} ms (server time, {graph.SqlStatements?.ToString(Inv) ?? "?"} SQL statements) against " +
                    $"{Ms(restServer?.MedianMs)} ms for the whole REST flow ({rest.SqlStatements?.ToString(Inv) ?? "?"} statements): " +
                    "the round trips it saves are spent on the server.");
            }
            if (bytes > BenchmarkReport.BytesRatioTarget)
            {
                misses.Add($"{screen}: GraphQL moves {bytes:F2} of the REST flow's bytes, above {BenchmarkReport.BytesRatioTarget:F1}.");
            }
        }
        md.AppendLine();
        foreach (var miss in misses)
        {
            md.AppendLine("- **Missed:** " + miss);
        }
        if (misses.Count > 0)
        {
            md.AppendLine();
        }
        foreach (var failure in results.Failures)
        {
            md.AppendLine(Inv, $"- **{failure.Screen}: not compared.** {failure.Reason}");
        }
        if (results.Failures.Count > 0)
        {
            md.AppendLine();
        }
    }

    private static void Costs(StringBuilder md, ChattinessResults results)
    {
        md.AppendLine("## Cost of one screen load");
        md.AppendLine();
        md.AppendLine("| screen | way | HTTP round trips | waves | request bytes | response bytes | total bytes | SQL statements |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in results.Costs)
        {
            md.AppendLine(Inv, $"| {c.Screen} | {c.Way} | {c.RoundTrips} | {c.Waves} | {c.RequestBytes:N0} | {c.ResponseBytes:N0} | " +
                               $"{c.RequestBytes + c.ResponseBytes:N0} | {(c.SqlStatements?.ToString(Inv) ?? "n/a")} |");
        }
        md.AppendLine();
    }

    private static void Timings(StringBuilder md, ChattinessResults results)
    {
        md.AppendLine("## Wall time per screen load (ms) by simulated round-trip time");
        md.AppendLine();
        var rtts = results.Timings.Select(t => t.RoundTripTimeMs).Distinct().Order().ToList();
        md.AppendLine("| screen | way | " + string.Join(" | ", rtts.Select(r => $"RTT {r} median | RTT {r} p95")) + " | iterations |");
        md.AppendLine("|---|---|" + string.Concat(rtts.Select(_ => "---|---|")) + "---|");
        foreach (var group in results.Timings.GroupBy(t => (t.Screen, t.Way)))
        {
            md.Append(Inv, $"| {group.Key.Screen} | {group.Key.Way} |");
            foreach (var rtt in rtts)
            {
                var t = group.FirstOrDefault(x => x.RoundTripTimeMs == rtt);
                md.Append(Inv, $" {Ms(t?.MedianMs)} | {Ms(t?.P95Ms)} |");
            }
            md.AppendLine(Inv, $" {group.First().Iterations} |");
        }
        md.AppendLine();
    }

    /// <summary>
    /// What the round-trip arithmetic allows: REST pays the floor of an exchange once per wave, GraphQL once, so a
    /// screen's speed-up can at best reach its REST time over one empty exchange, whatever the server does.
    /// </summary>
    private static void Ceiling(StringBuilder md, ChattinessResults results)
    {
        if (results.EmptyExchanges.Count == 0)
        {
            return;
        }
        md.AppendLine("## The floor of one exchange, and the ceiling it sets");
        md.AppendLine();
        md.AppendLine("An empty exchange is the gateway's liveness probe (`GET /health/live`: no GraphQL, no SQL) through the same client and delay, " +
                      "timed as the screens are. Its excess over the round-trip time is what any request costs here besides the work behind it: the " +
                      "delay's overshoot, both processes waking after the idle wait, HTTP. The ceiling is a screen's REST time over one empty exchange: " +
                      "the speed-up of a GraphQL request whose server work took no time at all.");
        md.AppendLine();
        md.AppendLine("| RTT | empty exchange median / p95 | screen | REST median | GraphQL median | GraphQL over the empty exchange | speed-up | ceiling |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var empty in results.EmptyExchanges)
        {
            foreach (var screen in results.Timings.Select(t => t.Screen).Distinct())
            {
                var rest = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.Rest && t.RoundTripTimeMs == empty.RoundTripTimeMs);
                var graph = results.Timings.FirstOrDefault(t => t.Screen == screen && t.Way == Way.GraphQL && t.RoundTripTimeMs == empty.RoundTripTimeMs);
                if (rest is null || graph is null)
                {
                    continue;
                }
                md.AppendLine(Inv, $"| {empty.RoundTripTimeMs} ms | {Ms(empty.MedianMs)} / {Ms(empty.P95Ms)} ms | {screen} | {Ms(rest.MedianMs)} | {Ms(graph.MedianMs)} | " +
                                   $"{(graph.MedianMs - empty.MedianMs).ToString("+0.0;-0.0;0.0", Inv)} | {rest.MedianMs / graph.MedianMs:F2}x | {rest.MedianMs / empty.MedianMs:F2}x |");
            }
        }
        md.AppendLine();
    }

    private static void Throughput(StringBuilder md, IReadOnlyList<Throughput.ThroughputCell> cells, long? workingSet)
    {
        md.AppendLine("## Throughput (no added latency)");
        md.AppendLine();
        md.AppendLine("N virtual users each load the screen over and over (each with its own 6-request limit) for a few seconds. A screen load is the whole " +
                      "REST flow or the one GraphQL request. Load generator and gateway share the machine's cores.");
        md.AppendLine();
        md.AppendLine("| screen | way | users | screens/s | HTTP requests/s | p50 ms | p99 ms | loads |");
        md.AppendLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in cells)
        {
            md.AppendLine(Inv, $"| {c.Screen} | {c.Way} | {c.Concurrency} | {c.LoadsPerSecond:F1} | {c.HttpRequestsPerSecond:F0} | {c.P50Ms:F1} | {c.P99Ms:F1} | {c.Loads} |");
        }
        md.AppendLine();
        if (workingSet is { } bytes)
        {
            md.AppendLine(Inv, $"Gateway working set at the end of the throughput run: {bytes / (1024.0 * 1024.0):F0} MiB.");
            md.AppendLine();
        }
    }

    private static void MicroSection(StringBuilder md, Micro.MicroResults micro)
    {
        md.AppendLine("## Overhead (BenchmarkDotNet, in-process)");
        md.AppendLine();
        md.AppendLine(micro.Summary);
        md.AppendLine();
    }

    private static string Ms(double? value) => value is { } v ? v.ToString("F1", Inv) : "—";
}
