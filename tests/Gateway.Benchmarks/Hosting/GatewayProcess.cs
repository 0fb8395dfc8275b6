using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;

namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// The gateway in a process of its own: the Release build of src/Gateway run with <c>dotnet</c> on 127.0.0.1 and a free
/// port, on a temporary store seeded at the given scale, in the Production environment with a signing key the
/// <c>token</c> command and the gateway share, and with SQL statement counting on.
/// </summary>
internal sealed class GatewayProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(180);
    private const string SigningKey = "benchmark-signing-key-0123456789abcdef0123456789";
    private readonly Process _process;
    private readonly string _directory;
    private readonly string _gatewayDll;

    private GatewayProcess(Process process, string directory, string gatewayDll, Uri baseAddress)
    {
        _process = process;
        _directory = directory;
        _gatewayDll = gatewayDll;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public string DatabasePath => Path.Combine(_directory, "store.db");

    public string ConnectionString => $"Data Source={DatabasePath};Mode=ReadOnly";

    /// <summary>The gateway's working set now, in bytes.</summary>
    public long WorkingSet
    {
        get
        {
            _process.Refresh();
            return _process.WorkingSet64;
        }
    }

    public static async Task<GatewayProcess> StartAsync(int scale, TextWriter log)
    {
        var gatewayDll = FindGatewayDll();
        var directory = Path.Combine(Path.GetTempPath(), "gateway-benchmarks", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        var port = FreePort();
        var baseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = StartInfo(gatewayDll, directory, scale, ["--urls", baseAddress.ToString().TrimEnd('/')]);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start " + gatewayDll);
        var gateway = new GatewayProcess(process, directory, gatewayDll, baseAddress);
        // Drained so the pipes never fill and block the gateway; kept for the error message if it fails to start.
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) { output.Enqueue(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        log.WriteLine($"Gateway: {gatewayDll} on {baseAddress}, store scale {scale} in {directory}");
        try
        {
            await gateway.WaitUntilReadyAsync();
        }
        catch
        {
            await gateway.DisposeAsync();
            throw new InvalidOperationException("The gateway did not become ready:" + Environment.NewLine + string.Join(Environment.NewLine, output.TakeLast(40)));
        }
        return gateway;
    }

    /// <summary>A bearer token for the customer, from the gateway's own <c>token</c> command on the same store and settings.</summary>
    public async Task<string> IssueTokenAsync(int customerId)
    {
        var start = StartInfo(_gatewayDll, _directory, 0, ["token", "--customer", customerId.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync(timeout.Token);
        var token = (await stdout).Trim();
        if (process.ExitCode != 0 || token.Length == 0)
        {
            throw new InvalidOperationException($"token command failed ({process.ExitCode}): {await stderr}");
        }
        return token;
    }

    /// <summary>The customer with the most orders (ties: lowest id), read straight from the store file.</summary>
    public Task<int> BusiestCustomerAsync() => BusiestCustomerAsync(ConnectionString);

    /// <summary>The same for any store file's connection string (the in-process benchmarks' stores too).</summary>
    public static async Task<int> BusiestCustomerAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = """SELECT "CustomerId" FROM "Orders" GROUP BY "CustomerId" ORDER BY COUNT(*) DESC, "CustomerId" LIMIT 1""";
        return Convert.ToInt32(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process.Dispose();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp folder.
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The gateway exited with code {_process.ExitCode}.");
            }
            try
            {
                // Ready once its warm-up ran (the readiness check waits for it) and the store answers.
                using var response = await client.GetAsync("/health/ready");
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet (seeding runs before Kestrel starts).
            }
            catch (TaskCanceledException)
            {
            }
            await Task.Delay(250);
        }
        throw new TimeoutException("The gateway was not ready within " + StartTimeout);
    }

    private static ProcessStartInfo StartInfo(string gatewayDll, string directory, int scale, IEnumerable<string> args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = Path.GetDirectoryName(gatewayDll)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(gatewayDll);
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        // Production, as the gateway is deployed: its settings, and its warm-up before it reports ready (Development
        // would time code the JIT has not optimized yet). The signing key is all Production asks that the repository
        // has not; the token command is started with the same one.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Auth__SigningKey"] = SigningKey;
        start.Environment["ConnectionStrings__Store"] = $"Data Source={Path.Combine(directory, "store.db")}";
        if (scale > 0)
        {
            start.Environment["Store__SeedScale"] = scale.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
        start.Environment["Diagnostics__CountSqlStatements"] = "true";
        // Request logging at Information would measure the console, not the gateway.
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information";
        return start;
    }

    /// <summary>
    /// The gateway built in this program's configuration (Release for real runs), which building this project produces
    /// since it references src/Gateway.
    /// </summary>
    private static string FindGatewayDll()
    {
#if DEBUG
        const string configuration = "Debug";
#else
        const string configuration = "Release";
#endif
        var path = Path.Combine(RepositoryPaths.Root, "src", "Gateway", "bin", configuration, "net10.0", "Gateway.dll");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Build the gateway first: dotnet build -c {configuration} src/Gateway", path);
        }
        return path;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
