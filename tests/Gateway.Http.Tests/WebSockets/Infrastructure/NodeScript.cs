using System.Diagnostics;

namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>
/// Runs a script from tests/tools with node, installing the pinned npm packages first if needed.
/// Gateway.Tests compiles this same file (linked in its project), so there is one runner for both suites.
/// </summary>
public static class NodeScript
{
    private static readonly SemaphoreSlim s_install = new(1, 1);

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var tools = FindToolsDirectory();
        await EnsurePackagesAsync(tools);
        var start = new ProcessStartInfo("node") { WorkingDirectory = tools };
        start.ArgumentList.Add(Path.Combine(tools, script));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return await RunProcessAsync(start, timeout);
    }

    private static async Task EnsurePackagesAsync(string tools)
    {
        await s_install.WaitAsync();
        try
        {
            // npm ci writes this file last: its presence means every pinned package is installed, and a lock file
            // changed since (a package added or bumped) makes it stale.
            var installed = Path.Combine(tools, "node_modules", ".package-lock.json");
            if (File.Exists(installed) && File.GetLastWriteTimeUtc(installed) >= File.GetLastWriteTimeUtc(Path.Combine(tools, "package-lock.json")))
            {
                return;
            }

            var install = new ProcessStartInfo("npm") { WorkingDirectory = tools };
            foreach (var argument in new[] { "ci", "--no-audit", "--no-fund" })
            {
                install.ArgumentList.Add(argument);
            }

            var (exitCode, _, stdErr) = await RunProcessAsync(install, TimeSpan.FromMinutes(3));
            Assert.True(exitCode == 0, $"npm ci failed in {tools}: {stdErr}");
        }
        finally
        {
            s_install.Release();
        }
    }

    private static async Task<(int, string, string)> RunProcessAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        start.RedirectStandardOutput = true;
        start.RedirectStandardError = true;
        start.UseShellExecute = false;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdOut = process.StandardOutput.ReadToEndAsync();
        var stdErr = process.StandardError.ReadToEndAsync();
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: {await stdErr}");
        }

        return (process.ExitCode, await stdOut, await stdErr);
    }

    private static string FindToolsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tools = Path.Combine(directory.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json")))
            {
                return tools;
            }
        }

        throw new DirectoryNotFoundException("tests/tools (with package.json) not found above " + AppContext.BaseDirectory);
    }
}
