using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

/// <summary>A projection-aware group loader: the shape is a plain string naming the columns read.</summary>
public sealed class ProjectedReviewsLoader(BatchLog log) : ProjectedGroupDataLoader<int, string, Review>
{
    protected override Task<IReadOnlyDictionary<int, Review[]>> LoadBatchAsync(IReadOnlyList<int> keys, string shape, CancellationToken cancellationToken)
    {
        log.Record(nameof(ProjectedReviewsLoader), keys, shape);
        var withRating = shape.Contains("rating", StringComparison.Ordinal);
        IReadOnlyDictionary<int, Review[]> found = CatalogData.Reviews
            .Where(review => keys.Contains(review.ProductId))
            .GroupBy(review => review.ProductId)
            .ToDictionary(
                group => group.Key,
                group => group.Select(review => review with { Rating = withRating ? review.Rating : 0 }).ToArray());
        return Task.FromResult(found);
    }
}
