using System.Security.Claims;
using System.Text.Json.Nodes;
using Gateway.Benchmarks.Hosting;
using GraphQL;
using GraphQL.Types;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// The real gateway hosted in this process (its own Program, schema and services) on a given store, executing
/// operations straight through its <see cref="IDocumentExecuter"/>: the work of a request minus the socket.
/// </summary>
internal sealed class InProcessGateway(string databasePath, int documentCacheSize, int seedScale = 1,
    IReadOnlyList<KeyValuePair<string, string?>>? settings = null, string environment = "Development") : WebApplicationFactory<Program>
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        // Outside a test project the factory cannot guess the gateway's folder (it looks beside the solution).
        builder.UseContentRoot(Path.Combine(RepositoryPaths.Root, "src", "Gateway"));
        builder.ConfigureAppConfiguration(configuration => configuration.AddInMemoryCollection(
        [
            new("ConnectionStrings:Store", $"Data Source={databasePath}"),
            new("Store:SeedScale", seedScale.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("GraphQL:Http:DocumentCacheSize", documentCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("Logging:LogLevel:Default", "Warning"),
            .. settings ?? [],
        ]));
    }

    /// <summary>Executes <paramref name="query"/> as the transport would and serializes the result to JSON.</summary>
    public async Task<string> ExecuteAsync(string query, Inputs? variables, ClaimsPrincipal? user = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var result = await services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = services.GetRequiredService<ISchema>(),
            Query = query,
            Variables = variables,
            User = user ?? Anonymous,
            RequestServices = services,
        });
        return services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);
    }

    /// <summary>A screen's JSON variables as the transport reads them.</summary>
    public Inputs? Variables(JsonObject? variables) =>
        variables is null ? null : Services.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variables.ToJsonString());

    /// <summary>Starts the host (migrating and seeding its store on first start).</summary>
    public InProcessGateway Start()
    {
        _ = Server;
        return this;
    }
}
