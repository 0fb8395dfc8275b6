namespace Gateway.Tests.Infrastructure;

/// <summary>Locates the repository and the shared product contract beside it, from wherever the tests run.</summary>
public static class ContractPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    public static string Screens => Path.Combine(RepositoryRoot, "..", "shared", "contract", "screens");

    private static string FindRepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Gateway.sln")))
            {
                return directory.FullName;
            }
        }
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
