using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// A request-scoped loader of one value per key. Loads requested while GraphQL.NET resolves one level
/// of the query are fetched together by a single call of <see cref="LoadBatchAsync"/>, and every
/// (key, result) pair is cached for the rest of the request.
/// </summary>
/// <typeparam name="TKey">The key, e.g. a primary key. Compared with its default equality.</typeparam>
/// <typeparam name="TValue">The value loaded for a key.</typeparam>
/// <remarks>
/// Derive a sealed class, register it with
/// <see cref="DataLoaderServiceCollectionExtensions.AddDataLoader{TLoader}(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>
/// and resolve it from the request's services. Instances are thread-safe.
/// </remarks>
public abstract class BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly BatchScheduler<TKey, NoShape, TValue, TValue?> _scheduler;

    /// <summary>Creates the loader.</summary>
    /// <param name="options">Optional settings, e.g. <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    protected BatchDataLoader(DataLoaderOptions? options = null)
    {
        _scheduler = new(
            (keys, _, cancellationToken) => LoadBatchAsync(keys, cancellationToken),
            default,
            options);
    }

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch (or returns the cached load of it) without waiting.
    /// Return the result from a field resolver; its value is <see langword="default"/> (null) when the batch
    /// function returned no entry for the key, or when the key is <see langword="null"/>.
    /// </summary>
    /// <param name="key">The key to load.</param>
    /// <returns>A pending result that GraphQL.NET completes after the current level is resolved.</returns>
    public IDataLoaderResult<TValue?> LoadAsync(TKey key) => _scheduler.Load(key, default);

    /// <summary>Queues several keys at once; the result lists their values in the order of the keys.</summary>
    /// <param name="keys">The keys to load; duplicates are fetched once.</param>
    /// <returns>A pending list of values, <see langword="default"/> where a key has none.</returns>
    public IDataLoaderResult<IReadOnlyList<TValue?>> LoadManyAsync(IEnumerable<TKey> keys) => _scheduler.LoadMany(keys, default);

    /// <summary>
    /// Forgets the cached results, e.g. after a mutation changed the data. Loads still in flight are kept.
    /// </summary>
    public void Clear() => _scheduler.Clear();

    /// <summary>
    /// Fetches the values of distinct keys in one go. Keys without a value may be left out of the dictionary.
    /// An exception fails every field waiting on this batch and is not cached.
    /// </summary>
    /// <param name="keys">The distinct keys requested, at most <see cref="DataLoaderOptions.MaxBatchSize"/>.</param>
    /// <param name="cancellationToken">The request's cancellation token.</param>
    /// <returns>The values found, by key.</returns>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}
