using Gateway.DataLoader.Tests.Model;

namespace Gateway.DataLoader.Tests.Loaders;

public sealed class AuthorByIdLoader(BatchLog log) : BatchDataLoader<int, Author>
{
    protected override async Task<IReadOnlyDictionary<int, Author>> LoadBatchAsync(IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        log.Record(nameof(AuthorByIdLoader), keys);
        await Task.Delay(1, cancellationToken);
        return CatalogData.Authors.Where(author => keys.Contains(author.Id)).ToDictionary(author => author.Id);
    }
}
