using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// A <see cref="BatchDataLoader{TKey, TValue}"/> that is keyed additionally by a selection shape, so that a
/// batch reads only what its callers selected. Loads with equal shapes share batches and cache entries;
/// each distinct shape gets its own batch, and the batch function receives that shape.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a primary key. Compared with its default equality.</typeparam>
/// <typeparam name="TShape">
/// What the caller selected, opaque to the loader: a <see cref="SelectionShape"/>, a record, a string.
/// It must have value equality (<see cref="object.Equals(object)"/> and <see cref="object.GetHashCode"/>),
/// or every load would get a batch of its own.
/// </typeparam>
/// <typeparam name="TValue">The value loaded for a key.</typeparam>
/// <remarks>Instances are thread-safe.</remarks>
public abstract class ProjectedBatchDataLoader<TKey, TShape, TValue>
    where TKey : notnull
    where TShape : notnull
{
    private readonly BatchScheduler<TKey, TShape, TValue, TValue?> _scheduler;

    /// <summary>Creates the loader.</summary>
    /// <param name="options">Optional settings, e.g. <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    protected ProjectedBatchDataLoader(DataLoaderOptions? options = null)
    {
        _scheduler = new(LoadBatchAsync, default, options);
    }

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch of <paramref name="shape"/> (or returns the cached load
    /// of that pair) without waiting. The value is <see langword="default"/> (null) when the batch function
    /// returned no entry for the key, or when the key is <see langword="null"/>.
    /// </summary>
    /// <param name="key">The key to load.</param>
    /// <param name="shape">What the caller selected; passed to <see cref="LoadBatchAsync"/>.</param>
    /// <returns>A pending result that GraphQL.NET completes after the current level is resolved.</returns>
    public IDataLoaderResult<TValue?> LoadAsync(TKey key, TShape shape) => _scheduler.Load(key, shape);

    /// <summary>Queues several keys of one shape; the result lists their values in the order of the keys.</summary>
    /// <param name="keys">The keys to load; duplicates are fetched once.</param>
    /// <param name="shape">What the caller selected.</param>
    /// <returns>A pending list of values, <see langword="default"/> where a key has none.</returns>
    public IDataLoaderResult<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys, TShape shape) => _scheduler.LoadMany(keys, shape);

    /// <summary>
    /// Forgets the cached results, e.g. after a mutation changed the data. Loads still in flight are kept.
    /// </summary>
    public void Clear() => _scheduler.Clear();

    /// <summary>
    /// Fetches the values of distinct keys, reading only what <paramref name="shape"/> asks for.
    /// Keys without a value may be left out. An exception fails every field waiting on this batch and is not cached.
    /// </summary>
    /// <param name="keys">The distinct keys requested with this shape, at most <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    /// <param name="shape">The shape shared by every load in the batch.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    /// <returns>The values found, by key.</returns>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, TShape shape, CancellationToken cancellationToken);
}
