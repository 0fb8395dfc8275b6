using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using Gateway.DataLoader.Tests.Schema;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.DataLoader.Tests;

public enum Strategy
{
    Parallel,
    Serial,
}

/// <summary>
/// The test schema in a real container: one host per test, one DI scope per simulated HTTP request,
/// executed through GraphQL.NET's DocumentExecuter as the transport does.
/// </summary>
public sealed class TestHost : IAsyncDisposable
{
    private static readonly GraphQLSerializer _serializer = new();
    private readonly ServiceProvider _services;

    public TestHost(Strategy strategy = Strategy.Parallel)
    {
        var services = new ServiceCollection();
        services.AddSingleton<BatchLog>();
        services.AddSingleton<FaultSwitch>();
        services.AddSingleton<SlowBatchProbe>();
        services
            .AddDataLoader<CategoryByIdLoader>()
            .AddDataLoader<SmallBatchCategoryLoader>()
            .AddDataLoader<AuthorByIdLoader>()
            .AddDataLoader<ProjectedCategoryLoader>()
            .AddDataLoader<ProjectedReviewsLoader>()
            .AddDataLoader<FlakyCategoryLoader>()
            .AddDataLoader<SlowCategoryLoader>()
            .AddDataLoader<UnavailableCategoryLoader>();
        services.AddGraphQL(builder =>
        {
            builder.AddSchema<CatalogSchema>().AddGraphTypes(typeof(CatalogSchema).Assembly);
            builder.AddDataLoader<ReviewsByProductIdLoader>();
            if (strategy == Strategy.Serial)
            {
                builder.AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query);
            }
        });
        _services = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true, ValidateOnBuild = true });
    }

    public BatchLog Log => _services.GetRequiredService<BatchLog>();

    public FaultSwitch Faults => _services.GetRequiredService<FaultSwitch>();

    public SlowBatchProbe SlowProbe => _services.GetRequiredService<SlowBatchProbe>();

    public AsyncServiceScope NewRequest() => _services.CreateAsyncScope();

    /// <summary>Runs a query in a request of its own.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string query, CancellationToken cancellationToken = default)
    {
        await using var request = NewRequest();
        return await ExecuteAsync(request, query, cancellationToken);
    }

    /// <summary>Runs a query in the given request, as one operation of a batched HTTP request would.</summary>
    public Task<ExecutionResult> ExecuteAsync(AsyncServiceScope request, string query, CancellationToken cancellationToken = default)
        => _services.GetRequiredService<IDocumentExecuter>().ExecuteAsync(new ExecutionOptions
        {
            Schema = _services.GetRequiredService<ISchema>(),
            Query = query,
            RequestServices = request.ServiceProvider,
            CancellationToken = cancellationToken,
        });

    public static string ToJson(ExecutionResult result) => _serializer.Serialize(result);

    public ValueTask DisposeAsync() => _services.DisposeAsync();
}
