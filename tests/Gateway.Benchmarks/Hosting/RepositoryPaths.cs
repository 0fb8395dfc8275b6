namespace Gateway.Benchmarks.Hosting;

/// <summary>Finds the repository (the folder holding Gateway.sln) and the storefront's operations in it.</summary>
internal static class RepositoryPaths
{
    public static string Root { get; } = Find();

    public static string Screens => Path.Combine(Root, "schema", "operations");

    public static string Docs => Path.Combine(Root, "docs");

    public static string Screen(string name) => File.ReadAllText(Path.Combine(Screens, name + ".graphql"));

    private static string Find()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            for (var directory = new DirectoryInfo(start); directory is not null; directory = directory.Parent)
            {
                if (File.Exists(Path.Combine(directory.FullName, "Gateway.sln")))
                {
                    return directory.FullName;
                }
            }
        }
        throw new InvalidOperationException("Gateway.sln not found above " + AppContext.BaseDirectory);
    }
}
