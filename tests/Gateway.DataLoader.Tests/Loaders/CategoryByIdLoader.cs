using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

public sealed class CategoryByIdLoader(BatchLog log) : BatchDataLoader<int, Category>
{
    protected override Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(CategoryByIdLoader), keys);
        IReadOnlyDictionary<int, Category> found = CatalogData.Categories
            .Where(category => keys.Contains(category.Id))
            .ToDictionary(category => category.Id);
        return Task.FromResult(found);
    }
}
