using Gateway.Tests.Infrastructure;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace Gateway.Tests.Schema;

public sealed class SchemaTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private const string UpdateVariable = "UPDATE_SCHEMA";

    private string PrintRunningSchema()
    {
        var schema = gateway.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        // The printer GET /graphql?sdl uses, so the committed file is what clients download.
        return Normalize(schema.Print());
    }

    private static string Normalize(string sdl) => sdl.ReplaceLineEndings("\n").TrimEnd() + "\n";

    [Fact]
    public void Schema_matches_its_snapshot()
    {
        PrintRunningSchema().MatchSnapshot();
    }

    [Fact]
    public void Schema_file_matches_the_running_schema()
    {
        var path = Path.Combine(ContractPaths.RepositoryRoot, "schema", "schema.graphql");
        var printed = PrintRunningSchema();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(path, printed);
        }

        var committed = File.Exists(path) ? File.ReadAllText(path).ReplaceLineEndings("\n") : "";
        Assert.True(committed == printed,
            "schema/schema.graphql differs from the running schema. If the change is intended, run\n" +
            $"    {UpdateVariable}=1 dotnet test tests/Gateway.Tests --filter FullyQualifiedName~SchemaTests\n" +
            "then delete tests/Gateway.Tests/Schema/__snapshots__/ and run the tests again to record the new snapshot; " +
            "review and commit both.");
    }

    [Fact]
    public async Task Sdl_endpoint_serves_the_committed_schema()
    {
        var client = gateway.CreateClient();
        var sdl = await client.GetStringAsync("/graphql?sdl");

        Assert.Contains("type Product implements Node", sdl);
        Assert.Equal(PrintRunningSchema(), Normalize(sdl));
    }
}
