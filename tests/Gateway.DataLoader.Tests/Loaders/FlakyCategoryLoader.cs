using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

public sealed class FlakyCategoryLoader(BatchLog log, FaultSwitch faults) : BatchDataLoader<int, Category>
{
    protected override async Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(FlakyCategoryLoader), keys);
        await Task.Yield();
        if (faults.ShouldFail())
        {
            throw new CatalogUnavailableException();
        }

        return CatalogData.Categories.Where(category => keys.Contains(category.Id)).ToDictionary(category => category.Id);
    }
}
