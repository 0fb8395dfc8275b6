using GraphQL.DataLoader;

namespace Gateway.DataLoader.Batching;

/// <summary>
/// The request-scoped heart of every loader: de-duplicates and caches loads by (shape, key),
/// collects the keys of one shape into an open batch, and runs that batch when the first of
/// its results is awaited.
/// </summary>
/// <remarks>
/// GraphQL.NET resolves a whole level of the tree (every field that returned an
/// <see cref="IDataLoaderResult"/>) before it awaits any of those results, so "dispatch on the
/// first await" puts every key requested on that level into one batch.
/// </remarks>
internal sealed class BatchScheduler<TKey, TShape, TStored, TResult>
    where TKey : notnull
    where TShape : notnull
    where TStored : TResult
{
    private readonly BatchFetch<TKey, TShape, TStored> _fetch;
    private readonly TResult _missing;
    private readonly int _maxBatchSize;
    private readonly Lock _sync = new();
    private readonly Dictionary<(TShape Shape, TKey Key), PendingLoad<TKey, TShape, TStored, TResult>> _cache = [];
    private readonly Dictionary<TShape, Batch<TKey, TShape, TStored, TResult>> _openBatches = [];

    public BatchScheduler(BatchFetch<TKey, TShape, TStored> fetch, TResult missing, DataLoaderOptions? options)
    {
        _fetch = fetch;
        _missing = missing;
        var maxBatchSize = options?.MaxBatchSize;
        if (maxBatchSize is < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), maxBatchSize, "MaxBatchSize must be at least 1.");
        }

        _maxBatchSize = maxBatchSize ?? int.MaxValue;
    }

    public IDataLoaderResult<TResult> Load(TKey key, TShape shape)
    {
        // Dictionaries cannot hold null keys; a null key (a missing foreign key) has nothing to load.
        if (key is null)
        {
            return new CompletedResult<TResult>(_missing);
        }

        ArgumentNullException.ThrowIfNull(shape);

        lock (_sync)
        {
            if (_cache.TryGetValue((shape, key), out var cached))
            {
                return cached;
            }

            if (!_openBatches.TryGetValue(shape, out var batch))
            {
                batch = new Batch<TKey, TShape, TStored, TResult>(this, shape);
                _openBatches.Add(shape, batch);
            }

            var load = new PendingLoad<TKey, TShape, TStored, TResult>(key, batch);
            batch.Add(load);
            _cache.Add((shape, key), load);
            return load;
        }
    }

    public IDataLoaderResult<IReadOnlyList<TResult>> LoadMany(IEnumerable<TKey> keys, TShape shape)
    {
        ArgumentNullException.ThrowIfNull(keys);
        return new AllResults<TResult>(keys.Select(key => Load(key, shape)).ToArray());
    }

    /// <summary>Forgets completed results; loads still in flight stay, so no batch ever sees a key twice.</summary>
    public void Clear()
    {
        lock (_sync)
        {
            foreach (var (entryKey, load) in _cache.Where(entry => entry.Value.IsCompleted).ToList())
            {
                _cache.Remove(entryKey);
            }
        }
    }

    internal int MaxBatchSize => _maxBatchSize;

    internal TResult Missing => _missing;

    internal BatchFetch<TKey, TShape, TStored> Fetch => _fetch;

    /// <summary>Closes an open batch so later loads of its shape start a new one.</summary>
    internal void Close(Batch<TKey, TShape, TStored, TResult> batch)
    {
        lock (_sync)
        {
            if (_openBatches.TryGetValue(batch.Shape, out var open) && ReferenceEquals(open, batch))
            {
                _openBatches.Remove(batch.Shape);
            }
        }
    }

    /// <summary>Drops failed loads from the cache so that a later load retries instead of replaying the error.</summary>
    internal void Forget(IEnumerable<PendingLoad<TKey, TShape, TStored, TResult>> loads, TShape shape)
    {
        lock (_sync)
        {
            foreach (var load in loads)
            {
                if (_cache.TryGetValue((shape, load.Key), out var cached) && ReferenceEquals(cached, load))
                {
                    _cache.Remove((shape, load.Key));
                }
            }
        }
    }
}
