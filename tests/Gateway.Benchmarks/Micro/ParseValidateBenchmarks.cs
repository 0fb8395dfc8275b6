using BenchmarkDotNet.Attributes;
using Gateway.Benchmarks.Hosting;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Benchmarks.Micro;

/// <summary>
/// Parsing, and parsing plus validating, each screen document against the gateway's schema: the work the document
/// cache saves on every request after the first.
/// </summary>
[MemoryDiagnoser]
public class ParseValidateBenchmarks
{
    private InProcessGateway _gateway = null!;
    private ISchema _schema = null!;
    private string _query = null!;
    private readonly DocumentValidator _validator = new();
    private string _directory = null!;

    [Params("ProductPage", "CatalogPage", "HomePage", "OrderHistory")]
    public string Screen { get; set; } = "ProductPage";

    [GlobalSetup]
    public void Setup()
    {
        _directory = Path.Combine(Path.GetTempPath(), "gateway-benchmarks", "parse-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_directory);
        // Only the schema is used here: an empty (migrated, unseeded) store is enough.
        _gateway = new InProcessGateway(Path.Combine(_directory, "store.db"), documentCacheSize: 0, seedScale: 0).Start();
        _schema = _gateway.Services.GetRequiredService<ISchema>();
        _schema.Initialize();
        _query = RepositoryPaths.Screen(Screen);
        // Timed at the JIT's final tier, as ProductPageBenchmarks is.
        JitSettling.UntilSettledAsync(ParseAndValidate, callsPerRound: 500, TimeSpan.FromSeconds(30)).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _gateway.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    [Benchmark(Description = "Parse")]
    public GraphQLDocument Parse() => Parser.Parse(_query);

    [Benchmark(Description = "Parse + validate")]
    public async Task<bool> ParseAndValidate()
    {
        var document = Parser.Parse(_query);
        var operation = document.Definitions.OfType<GraphQLOperationDefinition>().First();
        var result = await _validator.ValidateAsync(new ValidationOptions
        {
            Schema = _schema,
            Document = document,
            Operation = operation,
            Rules = DocumentValidator.CoreRules,
            Variables = Inputs.Empty,
            UserContext = new Dictionary<string, object?>(),
            RequestServices = _gateway.Services,
        });
        return result.IsValid;
    }
}
