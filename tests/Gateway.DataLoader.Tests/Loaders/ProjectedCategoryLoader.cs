using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

/// <summary>Reads only the columns in the shape: an unselected name comes back null, as a projected SQL query would leave it.</summary>
public sealed class ProjectedCategoryLoader(BatchLog log) : ProjectedBatchDataLoader<int, SelectionShape, Category>
{
    protected override Task<IReadOnlyDictionary<int, Category>> LoadBatchAsync(IReadOnlyList<int> keys, SelectionShape shape, CancellationToken cancellationToken)
    {
        log.Record(nameof(ProjectedCategoryLoader), keys, shape);
        IReadOnlyDictionary<int, Category> found = CatalogData.Categories
            .Where(category => keys.Contains(category.Id))
            .ToDictionary(
                category => category.Id,
                category => new Category(
                    category.Id,
                    shape.Contains("name") ? category.Name : null,
                    shape.Contains("parentId") ? category.ParentId : null));
        return Task.FromResult(found);
    }
}
