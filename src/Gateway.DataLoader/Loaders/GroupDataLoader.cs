using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// A request-scoped loader of a list of values per key (one-to-many, e.g. the reviews of a product).
/// Batched and cached like <see cref="BatchDataLoader{TKey, TValue}"/>; a key the batch function
/// left out loads an empty list.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a foreign key. Compared with its default equality.</typeparam>
/// <typeparam name="TValue">The type of the list's items.</typeparam>
/// <remarks>Instances are thread-safe.</remarks>
public abstract class GroupDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly BatchScheduler<TKey, NoShape, TValue[], IReadOnlyList<TValue>> _scheduler;

    /// <summary>Creates the loader.</summary>
    /// <param name="options">Optional settings, e.g. <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    protected GroupDataLoader(DataLoaderOptions? options = null)
    {
        _scheduler = new(
            (keys, _, cancellationToken) => LoadBatchAsync(keys, cancellationToken),
            Array.Empty<TValue>(),
            options);
    }

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch (or returns the cached load of it) without waiting.
    /// The list is empty when the batch function returned no entry for the key, or when the key is
    /// <see langword="null"/>. The list is shared by every caller: do not mutate it.
    /// </summary>
    /// <param name="key">The key to load.</param>
    /// <returns>A pending result that GraphQL.NET completes after the current level is resolved.</returns>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadAsync(TKey key) => _scheduler.Load(key, default);

    /// <summary>
    /// Forgets the cached results, e.g. after a mutation changed the data. Loads still in flight are kept.
    /// </summary>
    public void Clear() => _scheduler.Clear();

    /// <summary>
    /// Fetches the lists of distinct keys in one go, e.g.
    /// <c>rows.GroupBy(r =&gt; r.ProductId).ToDictionary(g =&gt; g.Key, g =&gt; g.ToArray())</c>.
    /// Keys without items may be left out. An exception fails every field waiting on this batch and is not cached.
    /// </summary>
    /// <param name="keys">The distinct keys requested, at most <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    /// <returns>The items found, grouped by key.</returns>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue[]>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}
