using GraphQL;
using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

/// <summary>Fails every batch with a GraphQL error of its own, as a domain error would.</summary>
public sealed class UnavailableCategoryLoader : BatchDataLoader<int, Category>
{
    protected override Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
        => throw new ExecutionError("The category service is down.") { Code = "CATEGORY_DOWN" };
}
