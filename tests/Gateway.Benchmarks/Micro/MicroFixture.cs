using GraphQL;
using Gateway.Benchmarks.Hosting;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// What the micro-benchmarks share: one seeded store (scale 1) in a temp folder, the gateway hosted in-process twice
/// (document cache on, and off), the hand-written raw SQL ProductPage on the same store, and GraphQL.NET alone answering
/// the page from memory.
/// </summary>
internal sealed class MicroFixture : IAsyncDisposable
{
    public const int ProductId = 1;

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "micro-" + Guid.NewGuid().ToString("N"));

    public MicroFixture()
    {
        Directory.CreateDirectory(_directory);
        var database = Path.Combine(_directory, "store.db");
        // Started one after the other: the first migrates and seeds the store, the second finds it ready.
        Cached = new InProcessGateway(database, documentCacheSize: 1000).Start();
        Uncached = new InProcessGateway(database, documentCacheSize: 0).Start();
        RawSql = new RawSqlProductPage($"Data Source={database};Mode=ReadOnly");
        ProductPageQuery = StoreOnlyDocument.Of(RepositoryPaths.Screen("ProductPage"));
        ProductPageVariables = new Inputs(new Dictionary<string, object?> { ["id"] = Screens.GlobalIds.Encode("Product", ProductId) });
        var answer = System.Text.Json.Nodes.JsonNode.Parse(GraphQLProductPageAsync(Cached).GetAwaiter().GetResult())!;
        GraphQLNetAlone = new GraphQLNetAlone(File.ReadAllText(Path.Combine(RepositoryPaths.Root, "schema", "schema.graphql")),
            ProductPageQuery, ProductPageVariables, answer, Cached.Services.GetRequiredService<IGraphQLTextSerializer>());
    }

    /// <summary>The same page's answer executed by GraphQL.NET alone, from memory: the floor under the gateway.</summary>
    public GraphQLNetAlone GraphQLNetAlone { get; }

    public InProcessGateway Cached { get; }

    public InProcessGateway Uncached { get; }

    public RawSqlProductPage RawSql { get; }

    public string ProductPageQuery { get; }

    public Inputs ProductPageVariables { get; }

    public Task<string> GraphQLProductPageAsync(InProcessGateway gateway) => gateway.ExecuteAsync(ProductPageQuery, ProductPageVariables);

    public async ValueTask DisposeAsync()
    {
        await Cached.DisposeAsync();
        await Uncached.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // Left to the OS temp folder.
        }
    }
}
