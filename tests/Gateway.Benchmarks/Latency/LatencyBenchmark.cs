using System.Diagnostics;
using System.Globalization;
using System.Security.Claims;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Benchmarks.Chattiness;
using Gateway.Benchmarks.Hosting;
using Gateway.Benchmarks.Micro;
using Gateway.Benchmarks.Screens;
using Gateway.Testing;
using Microsoft.Data.Sqlite;

namespace Gateway.Benchmarks.Latency;

/// <summary>
/// Single requests after warm-up, in-process: each query screen of <c>schema/operations/</c> (delivery included, from a
/// shipping service on loopback) executed one after another through the gateway's executer and serializer, on a store
/// of the given scale. What issue 10 calls the in-process median; no socket and no client in the figure. Then the same
/// request after an idle wait each time, as a server sees requests from one client over a slow network: what being idle
/// costs the next request on this machine, with no network in the figure either.
/// </summary>
internal sealed class LatencyBenchmark(BenchmarkSettings settings, TextWriter log)
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly TimeSpan MaxWarmUp = TimeSpan.FromSeconds(60);

    private int Samples => settings.Quick ? 3 : 500;

    private int SamplesAfterIdle => settings.Quick ? 1 : 100;

    /// <summary>The idle wait before each request of the second series: the benchmarks' headline round-trip time.</summary>
    private static readonly TimeSpan IdleWait = TimeSpan.FromMilliseconds(Reporting.BenchmarkReport.HeadlineRttMs);

    public async Task<string> RunAsync(IReadOnlyList<Screen> screens)
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "latency-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var database = Path.Combine(directory, "store.db");
        await using var shipping = await LoopbackShippingService.StartAsync();
        // Production settings, as the gateway is deployed (a signing key is all they demand that the repository has not).
        await using var gateway = new InProcessGateway(database, documentCacheSize: 1000, settings.Scale,
            [new("Shipping:Url", shipping.GraphQLUrl), new("Auth:SigningKey", "latency-benchmark-signing-key-0123456789abcdef")],
            environment: "Production").Start();
        var customer = await GatewayProcess.BusiestCustomerAsync($"Data Source={database};Mode=ReadOnly");
        log.WriteLine($"Latency: scale {settings.Scale}, warm-up until the JIT settles, then {Samples} timed requests per screen, customer {customer}.");

        var md = new StringBuilder();
        md.AppendLine(Inv, $"| screen (scale {settings.Scale}) | median | p90 | p99 | min | median after {IdleWait.TotalMilliseconds:F0} ms idle |");
        md.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var screen in screens)
        {
            var user = screen is OrderHistoryScreen ? Customer(customer) : null;
            var variables = gateway.Variables(screen.Variables);
            var check = JsonNode.Parse(await gateway.ExecuteAsync(screen.Document, variables, user))!;
            if (check["errors"] is { } errors)
            {
                var text = errors.ToJsonString();
                throw new InvalidOperationException($"{screen.Name} answered errors: {text[..Math.Min(400, text.Length)]}");
            }

            if (settings.Quick)
            {
                await gateway.ExecuteAsync(screen.Document, variables, user);
            }
            else
            {
                var rounds = await JitSettling.UntilSettledAsync(() => gateway.ExecuteAsync(screen.Document, variables, user), callsPerRound: 100, MaxWarmUp);
                log.WriteLine($"{screen.Name}: warmed up in {rounds} rounds of 100.");
            }

            async Task<List<double>> TimeAsync(int count, TimeSpan idleBefore)
            {
                var times = new List<double>(count);
                for (var i = 0; i < count; i++)
                {
                    if (idleBefore > TimeSpan.Zero)
                    {
                        await Task.Delay(idleBefore);
                    }
                    var started = Stopwatch.GetTimestamp();
                    await gateway.ExecuteAsync(screen.Document, variables, user);
                    times.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                return times;
            }

            var samples = await TimeAsync(Samples, TimeSpan.Zero);
            var afterIdle = await TimeAsync(SamplesAfterIdle, IdleWait);

            var line = string.Create(Inv,
                $"| {screen.Name} | {Percentiles.Of(samples, 50):F2} ms | {Percentiles.Of(samples, 90):F2} ms | {Percentiles.Of(samples, 99):F2} ms | {samples.Min():F2} ms | {Percentiles.Of(afterIdle, 50):F2} ms |");
            md.AppendLine(line);
            log.WriteLine(line);
        }

        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp folder.
        }

        return md.ToString();
    }

    private static ClaimsPrincipal Customer(int id) => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.NameIdentifier, id.ToString(Inv)), new Claim(ClaimTypes.Role, "customer")], "Bearer"));
}
