using System.Diagnostics;

namespace Gateway.Tests.Transport;

/// <summary>
/// Runs a script of tests/tools with node, after <c>npm ci</c> there if its packages are missing (a CI run installs
/// them first). The same job as Gateway.Http.Tests' NodeScript, which this project cannot reference.
/// </summary>
internal static class NodeTool
{
    private static readonly SemaphoreSlim Install = new(1, 1);

    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunAsync(string script, IEnumerable<string> arguments, TimeSpan timeout)
    {
        var tools = Path.Combine(RepositoryRoot, "tests", "tools");
        await Install.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(tools, "node_modules", ".package-lock.json")))
            {
                var (exitCode, _, stdErr) = await RunAsync(Start("npm", tools, ["ci", "--no-audit", "--no-fund"]), TimeSpan.FromMinutes(3));
                Assert.True(exitCode == 0, $"npm ci failed in {tools}: {stdErr}");
            }
        }
        finally
        {
            Install.Release();
        }

        return await RunAsync(Start("node", tools, [Path.Combine(tools, script), .. arguments]), timeout);
    }

    private static ProcessStartInfo Start(string fileName, string directory, IEnumerable<string> arguments)
    {
        var start = new ProcessStartInfo(fileName)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        return start;
    }

    private static async Task<(int, string, string)> RunAsync(ProcessStartInfo start, TimeSpan timeout)
    {
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {start.FileName}.");
        var stdOut = process.StandardOutput.ReadToEndAsync();
        var stdErr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{start.FileName} {string.Join(' ', start.ArgumentList)} did not finish within {timeout}: {await stdErr}");
        }

        return (process.ExitCode, await stdOut, await stdErr);
    }

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "tests", "tools", "package.json")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("No tests/tools/package.json above " + AppContext.BaseDirectory);
    }
}
