namespace Gateway.Tests.Infrastructure;

/// <summary>Locates the repository and the storefront's operations in it, from wherever the tests run.</summary>
public static class ContractPaths
{
    public static string RepositoryRoot { get; } = FindRepositoryRoot();

    /// <summary>The storefront's operations, kept in the repository (copied from the product contract).</summary>
    public static string Screens => Path.Combine(RepositoryRoot, "schema", "operations");

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
