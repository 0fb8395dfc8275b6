namespace Gateway.DataLoader.Batching;

/// <summary>The loads of one shape collected until the first of them is awaited, then fetched together.</summary>
internal sealed class Batch<TKey, TShape, TStored, TResult>
    where TKey : notnull
    where TShape : notnull
    where TStored : TResult
{
    private readonly BatchScheduler<TKey, TShape, TStored, TResult> _scheduler;

    // Written only under the scheduler's lock while the batch is open, read only after it is closed.
    private readonly List<PendingLoad<TKey, TShape, TStored, TResult>> _loads = [];
    private int _dispatched;

    public Batch(BatchScheduler<TKey, TShape, TStored, TResult> scheduler, TShape shape)
    {
        _scheduler = scheduler;
        Shape = shape;
    }

    public TShape Shape { get; }

    public void Add(PendingLoad<TKey, TShape, TStored, TResult> load) => _loads.Add(load);

    /// <summary>Starts the fetch once, whichever caller (or thread) gets here first.</summary>
    public void EnsureDispatched(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _dispatched, 1) != 0)
        {
            return;
        }

        _scheduler.Close(this);

        // RunAsync routes every outcome to the loads' own tasks, so the task itself is never observed.
        _ = RunAsync(cancellationToken);
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        // Chunks run one after another: a batch function commonly shares the request's
        // DbContext, which does not allow concurrent queries.
        foreach (var chunk in _loads.Chunk(_scheduler.MaxBatchSize))
        {
            await RunChunkAsync(chunk, cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task RunChunkAsync(PendingLoad<TKey, TShape, TStored, TResult>[] chunk, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<TKey, TStored> values;
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            var keys = Array.ConvertAll(chunk, load => load.Key);
            values = await _scheduler.Fetch(keys, Shape, cancellationToken).ConfigureAwait(false)
                ?? throw new InvalidOperationException("A DataLoader batch function returned null instead of a dictionary.");
        }
        catch (Exception exception)
        {
            _scheduler.Forget(chunk, Shape);
            foreach (var load in chunk)
            {
                load.Fail(exception, cancellationToken);
            }

            return;
        }

        foreach (var load in chunk)
        {
            load.Complete(values.TryGetValue(load.Key, out var value) ? value : _scheduler.Missing);
        }
    }
}
