using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

/// <summary>Reads at most two keys per call, as a database with a tight parameter limit would.</summary>
public sealed class SmallBatchCategoryLoader(BatchLog log) : BatchDataLoader<int, Category>(new DataLoaderOptions { MaxBatchSize = 2 })
{
    protected override async Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(SmallBatchCategoryLoader), keys);
        await Task.Yield();
        return CatalogData.Categories.Where(category => keys.Contains(category.Id)).ToDictionary(category => category.Id);
    }
}
