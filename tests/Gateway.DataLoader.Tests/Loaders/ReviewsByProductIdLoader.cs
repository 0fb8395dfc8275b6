using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

public sealed class ReviewsByProductIdLoader(BatchLog log) : GroupDataLoader<int, Review>
{
    protected override async Task<IReadOnlyDictionary<int, Review[]>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(ReviewsByProductIdLoader), keys);
        await Task.Yield();
        return CatalogData.Reviews
            .Where(review => keys.Contains(review.ProductId))
            .GroupBy(review => review.ProductId)
            .ToDictionary(group => group.Key, group => group.ToArray());
    }
}
