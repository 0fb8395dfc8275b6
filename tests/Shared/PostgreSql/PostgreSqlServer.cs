using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Gateway.Testing.PostgreSql;

/// <summary>
/// One throwaway PostgreSQL cluster per test run (initdb in a temp folder, pg_ctl on 127.0.0.1 and a free port,
/// durability off), started by the first test that needs it and stopped when the test process exits. Each test
/// store creates a database of its own in it, so test classes stay isolated while sharing one server. The
/// binaries come from Debian's postgresql package, which .ci/run installs; without them the PostgreSQL tests
/// are skipped with <see cref="SkipReason"/> (see <see cref="StoreFactAttribute"/>), never passed silently, and fail
/// under <see cref="RequiredServices.Variable"/>.
/// </summary>
public static class PostgreSqlServer
{
    private const string DirectoryPrefix = "gateway-pg-";
    private static readonly Lazy<string?> s_binaries = new(FindBinaries);
    private static readonly Lazy<Task<Cluster>> s_cluster = new(StartAsync);

    /// <summary>Why the PostgreSQL tests cannot run here, or null when they can.</summary>
    public static string? SkipReason => s_binaries.Value is null
        ? "PostgreSQL is not installed (no initdb/pg_ctl in /usr/lib/postgresql/*/bin or on PATH): " +
          "apt-get install -y postgresql (.ci/run does) to run the PostgreSQL half of this suite."
        : null;

    /// <summary>Creates an empty database of its own in the shared cluster; returns its Npgsql connection string.</summary>
    public static async Task<string> CreateDatabaseAsync(string prefix = "test")
    {
        var cluster = await s_cluster.Value;
        var name = $"{prefix}_{Guid.NewGuid():N}";
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", admin);
        await create.ExecuteNonQueryAsync();
        return cluster.ConnectionString(name);
    }

    /// <summary>Drops a database made by <see cref="CreateDatabaseAsync"/>, closing whatever still uses it.</summary>
    public static async Task DropDatabaseAsync(string connectionString)
    {
        var cluster = await s_cluster.Value;
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var admin = new NpgsqlConnection(cluster.ConnectionString("postgres"));
        await admin.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", admin);
        await drop.ExecuteNonQueryAsync();
    }

    private static string? FindBinaries()
    {
        var installed = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql").Select(v => Path.Combine(v, "bin"))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var version) ? version : 0)
            : Enumerable.Empty<string>();
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator);
        return installed.Concat(onPath).FirstOrDefault(d => Runnable(Path.Combine(d, "initdb")) && Runnable(Path.Combine(d, "pg_ctl")));
    }

    /// <summary>The file exists, and so does the final target of a symbolic link (File.Exists is true for a dangling one).</summary>
    private static bool Runnable(string path)
    {
        var file = new FileInfo(path);
        return file.Exists && (file.LinkTarget is null || file.ResolveLinkTarget(returnFinalTarget: true) is { Exists: true });
    }

    private static async Task<Cluster> StartAsync()
    {
        var binaries = s_binaries.Value ?? throw new InvalidOperationException(SkipReason);
        RemoveStaleClusters();
        var directory = Directory.CreateTempSubdirectory(DirectoryPrefix).FullName;
        var data = Path.Combine(directory, "data");
        var port = FreePort();
        // initdb refuses to run as root; CI containers often are root, so the cluster then runs as "postgres".
        var runAs = Environment.UserName == "root" ? "postgres" : null;
        if (runAs is not null)
        {
            await RunAsync("chown", null, "-R", runAs, directory);
        }
        await RunAsync(Path.Combine(binaries, "initdb"), runAs, "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync");
        await RunAsync(Path.Combine(binaries, "pg_ctl"), runAs, "-D", data, "-l", Path.Combine(directory, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {directory} -c listen_addresses=127.0.0.1 -c max_connections=400 " +
            "-c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
        var cluster = new Cluster(port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            RunAsync(Path.Combine(binaries, "pg_ctl"), runAs, "-D", data, "-m", "immediate", "stop").Wait(TimeSpan.FromSeconds(20));
            try
            {
                Directory.Delete(directory, recursive: true);
            }
            catch (IOException)
            {
            }
        };
        return cluster;
    }

    /// <summary>
    /// Deletes the folders of earlier runs' clusters that no longer run (no postmaster.pid, or its process is gone)
    /// and were last written over ten minutes ago: the test host may exit before its exit handler has removed its
    /// own folder.
    /// </summary>
    private static void RemoveStaleClusters()
    {
        foreach (var stale in Directory.GetDirectories(Path.GetTempPath(), DirectoryPrefix + "*"))
        {
            var pidFile = Path.Combine(stale, "data", "postmaster.pid");
            var running = File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && IsAlive(pid);
            // A folder of a few minutes may be another test process's cluster still being created (no pid file yet).
            var old = Directory.GetLastWriteTimeUtc(stale) < DateTime.UtcNow.AddMinutes(-10);
            if (!running && old)
            {
                try
                {
                    Directory.Delete(stale, recursive: true);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    // Another user's, or in use: left alone.
                }
            }
        }

        static bool IsAlive(int pid)
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                return !process.HasExited;
            }
            catch (ArgumentException)
            {
                return false;
            }
        }
    }

    private static async Task RunAsync(string program, string? runAs, params string[] arguments)
    {
        var start = runAs is null ? new ProcessStartInfo(program) : new ProcessStartInfo("runuser") { ArgumentList = { "-u", runAs, "--", program } };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{program} {string.Join(' ', arguments)} exited with {process.ExitCode}: {await output}{await error}");
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed record Cluster(int Port)
    {
        public string ConnectionString(string database) =>
            $"Host=127.0.0.1;Port={Port};Database={database};Username=postgres;Maximum Pool Size=40";
    }
}
