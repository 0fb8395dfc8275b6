using System.Diagnostics;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Repository;

/// <summary>
/// No two tracked paths may differ only by letter case: on Windows and macOS (case-insensitive file systems) they are
/// one folder or file, so a clone there silently merges them (src/Gateway.Http/Ide/ and ide/ once did).
/// </summary>
public sealed class CaseTwinPathTests
{
    [Fact]
    public async Task No_tracked_files_or_folders_differ_only_by_letter_case()
    {
        var files = await TrackedFilesAsync();

        var twins = CaseTwins(files);

        Assert.True(twins.Count == 0, "Paths that differ only by letter case: " + string.Join("; ", twins));
    }

    [Fact]
    public void A_folder_and_a_file_differing_only_by_case_are_found_at_any_depth()
    {
        Assert.Equal(["src/A/Ide | src/A/ide"], CaseTwins(["src/A/Ide/x.cs", "src/A/ide/package.json", "src/B/y.cs"]));
        Assert.Equal(["README.md | readme.md"], CaseTwins(["README.md", "readme.md"]));
        Assert.Empty(CaseTwins(["src/Ide/x.cs", "src/Ide/y.cs", "src/Other/x.cs"]));
    }

    /// <summary>Every folder and file path of <paramref name="files"/> that shares its lower-cased form with another.</summary>
    internal static List<string> CaseTwins(IEnumerable<string> files)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            // Each folder on the way is a path of its own: Ide/x.cs and ide/y.cs differ only in their folder.
            for (var slash = file.IndexOf('/'); slash >= 0; slash = file.IndexOf('/', slash + 1))
            {
                paths.Add(file[..slash]);
            }
            paths.Add(file);
        }

        return [.. paths.GroupBy(p => p, StringComparer.OrdinalIgnoreCase)
            .Where(g => g.Count() > 1)
            .Select(g => string.Join(" | ", g.Order(StringComparer.Ordinal)))
            .Order(StringComparer.Ordinal)];
    }

    private static async Task<string[]> TrackedFilesAsync()
    {
        var start = new ProcessStartInfo("git", ["ls-files", "-z"])
        {
            WorkingDirectory = ContractPaths.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var git = Process.Start(start)!;
        var output = git.StandardOutput.ReadToEndAsync();
        var error = git.StandardError.ReadToEndAsync();
        await git.WaitForExitAsync();
        Assert.True(git.ExitCode == 0, $"git ls-files failed ({git.ExitCode}): {await error}");
        var files = (await output).Split('\0', StringSplitOptions.RemoveEmptyEntries);
        Assert.NotEmpty(files);
        return files;
    }
}
