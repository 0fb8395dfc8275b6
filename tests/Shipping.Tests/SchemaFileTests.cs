namespace Shipping.Tests;

/// <summary>schema/shipping.graphql is the SDL the service publishes (GET /graphql?sdl), which the gateway checks at start-up.</summary>
public sealed class SchemaFileTests(ShippingHost host) : IClassFixture<ShippingHost>
{
    private const string UpdateVariable = "UPDATE_SCHEMA";

    [Fact]
    public async Task Schema_file_matches_the_published_sdl()
    {
        var published = Normalize(await host.Client.GetStringAsync("/graphql?sdl"));
        var path = Path.Combine(RepositoryRoot(), "schema", "shipping.graphql");
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, published);
        }

        var committed = File.Exists(path) ? Normalize(File.ReadAllText(path)) : "";
        Assert.True(committed == published,
            $"schema/shipping.graphql differs from the service's SDL. If intended, run\n    {UpdateVariable}=1 dotnet test tests/Shipping.Tests --filter SchemaFileTests\nand commit it.");
    }

    private static string Normalize(string sdl) => sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Gateway.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Gateway.sln not found above the test output.");
    }
}
