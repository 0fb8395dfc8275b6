using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Xunit.Abstractions;

namespace Gateway.Tests.Safety;

/// <summary>
/// Memory stays bounded under attack: the gateway's own executable (Production, its own store), measured from the
/// outside while the hostile suite runs against it twice, four requests at a time. Its resident size must stay under
/// 512 MiB and come back near where it was idle; no refused request is answered with more than a few KB.
/// </summary>
public sealed class MemoryUnderAttackTests(ITestOutputHelper output)
{
    private const long MaxResidentBytes = 512L * 1024 * 1024;

    [Fact]
    public async Task Several_hundred_hostile_requests_leave_memory_bounded()
    {
        var directory = Directory.CreateTempSubdirectory("gateway-memory-");
        var port = FreePort();
        using var process = Start(port, Path.Combine(directory.FullName, "store.db"));
        try
        {
            using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
            await WaitUntilServingAsync(client, process);
            for (var i = 0; i < 5; i++)
            {
                await HostileInputTests.ScreenAsync(client);
            }

            var idle = Resident(process);
            long peak = idle;
            using var sampling = new CancellationTokenSource();
            var sampler = Task.Run(async () =>
            {
                while (!sampling.IsCancellationRequested)
                {
                    peak = Math.Max(peak, Resident(process));
                    await Task.Delay(50);
                }
            });

            var cases = HostileTransport.All().Concat(HostileDocuments.All()).ToList();
            var largest = 0;
            var sent = 0;
            var watch = Stopwatch.StartNew();
            for (var round = 0; round < 2; round++)
            {
                await Parallel.ForEachAsync(cases, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (hostile, _) =>
                {
                    var outcome = await HostileInputTests.SendAsync(client, hostile);
                    HostileInputTests.AssertRefused(hostile, outcome);
                    Interlocked.Increment(ref sent);
                    InterlockedMax(ref largest, outcome.Body.Length);
                });
            }

            var elapsed = watch.Elapsed;
            await sampling.CancelAsync();
            await sampler;
            await HostileInputTests.ScreenAsync(client);
            await Task.Delay(TimeSpan.FromSeconds(3));
            var after = Resident(process);

            output.WriteLine($"{sent} hostile requests in {elapsed.TotalSeconds:F1} s; resident MiB idle {Mib(idle)}, peak {Mib(peak)}, after {Mib(after)}; largest refusal {largest} bytes");
            Assert.True(peak < MaxResidentBytes, $"peak resident size {Mib(peak)} MiB");
            Assert.True(after < idle + (128L * 1024 * 1024), $"after the attack {Mib(after)} MiB, idle was {Mib(idle)} MiB");
        }
        finally
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            directory.Delete(recursive: true);
        }
    }

    private static Process Start(int port, string database)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["ConnectionStrings__Store"] = $"Data Source={database}";
        start.Environment["Auth__SigningKey"] = EdgeGatewayFactory.SigningKey;
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        // The screens' warm-up (on in Production) would only add its rounds to the start and to the idle figure.
        start.Environment["WarmUp__Enabled"] = "false";
        var process = Process.Start(start)!;
        // Drain the pipes so a chatty log never blocks the server.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task WaitUntilServingAsync(HttpClient client, Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline && !process.HasExited)
        {
            try
            {
                using var response = await client.GetAsync("/graphql?query=%7B__typename%7D");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the gateway did not start serving within 60 s");
    }

    private static long Resident(Process process)
    {
        process.Refresh();
        return process.WorkingSet64;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void InterlockedMax(ref int target, int value)
    {
        var current = Volatile.Read(ref target);
        while (value > current && Interlocked.CompareExchange(ref target, value, current) != current)
        {
            current = Volatile.Read(ref target);
        }
    }

    private static long Mib(long bytes) => bytes / (1024 * 1024);
}
