using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// A <see cref="GroupDataLoader{TKey, TValue}"/> that is keyed additionally by a selection shape: loads with
/// equal shapes share batches and cache entries, and the batch function receives the shape so it can read
/// only the selected columns. See <see cref="ProjectedBatchDataLoader{TKey, TShape, TValue}"/> for the
/// rules a shape must follow.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a foreign key. Compared with its default equality.</typeparam>
/// <typeparam name="TShape">What the caller selected; must have value equality.</typeparam>
/// <typeparam name="TValue">The type of the list's items.</typeparam>
/// <remarks>Instances are thread-safe.</remarks>
public abstract class ProjectedGroupDataLoader<TKey, TShape, TValue>
    where TKey : notnull
    where TShape : notnull
{
    private readonly BatchScheduler<TKey, TShape, TValue[], IReadOnlyList<TValue>> _scheduler;

    /// <summary>Creates the loader.</summary>
    /// <param name="options">Optional settings, e.g. <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    protected ProjectedGroupDataLoader(DataLoaderOptions? options = null)
    {
        _scheduler = new(LoadBatchAsync, Array.Empty<TValue>(), options);
    }

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch of <paramref name="shape"/> (or returns the cached load
    /// of that pair) without waiting. The list is empty when the batch function returned no entry for the key,
    /// or when the key is <see langword="null"/>. The list is shared by every caller: do not mutate it.
    /// </summary>
    /// <param name="key">The key to load.</param>
    /// <param name="shape">What the caller selected; passed to <see cref="LoadBatchAsync"/>.</param>
    /// <returns>A pending result that GraphQL.NET completes after the current level is resolved.</returns>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadAsync(TKey key, TShape shape) => _scheduler.Load(key, shape);

    /// <summary>
    /// Forgets the cached results, e.g. after a mutation changed the data. Loads still in flight are kept.
    /// </summary>
    public void Clear() => _scheduler.Clear();

    /// <summary>
    /// Fetches the lists of distinct keys, reading only what <paramref name="shape"/> asks for.
    /// Keys without items may be left out. An exception fails every field waiting on this batch and is not cached.
    /// </summary>
    /// <param name="keys">The distinct keys requested with this shape, at most <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    /// <param name="shape">The shape shared by every load in the batch.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    /// <returns>The items found, grouped by key.</returns>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue[]>> LoadBatchAsync(IReadOnlyList<TKey> keys, TShape shape, CancellationToken cancellationToken);
}
