using GraphQL.DataLoader;

namespace Gateway.DataLoader.Batching;

/// <summary>One cached (shape, key) load: the value GraphQL.NET awaits once the level is resolved.</summary>
internal sealed class PendingLoad<TKey, TShape, TStored, TResult> : IDataLoaderResult<TResult>
    where TKey : notnull
    where TShape : notnull
    where TStored : TResult
{
    // Asynchronous continuations keep the batch loop from running resolvers inline while it completes loads.
    private readonly TaskCompletionSource<TResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly Batch<TKey, TShape, TStored, TResult> _batch;

    public PendingLoad(TKey key, Batch<TKey, TShape, TStored, TResult> batch)
    {
        Key = key;
        _batch = batch;
    }

    public TKey Key { get; }

    public bool IsCompleted => _completion.Task.IsCompleted;

    public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var task = _completion.Task;
        if (task.IsCompleted)
        {
            return task;
        }

        _batch.EnsureDispatched(cancellationToken);

        // A caller that did not start the batch still stops waiting when its own request is cancelled.
        return cancellationToken.CanBeCanceled ? task.WaitAsync(cancellationToken) : task;
    }

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        => FieldErrorIsolation.AwaitForFieldAsync(GetResultAsync(cancellationToken));

    internal void Complete(TResult value) => _completion.TrySetResult(value);

    internal void Fail(Exception exception, CancellationToken cancellationToken)
    {
        if (exception is OperationCanceledException && cancellationToken.IsCancellationRequested)
        {
            _completion.TrySetCanceled(cancellationToken);
        }
        else
        {
            _completion.TrySetException(exception);
        }
    }
}
