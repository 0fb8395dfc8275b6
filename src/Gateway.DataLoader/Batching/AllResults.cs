using GraphQL.DataLoader;

namespace Gateway.DataLoader.Batching;

/// <summary>Several loads awaited as one list, in the order of their keys.</summary>
internal sealed class AllResults<T>(IReadOnlyList<IDataLoaderResult<T>> results) : IDataLoaderResult<IReadOnlyList<T>>
{
    public async Task<IReadOnlyList<T>> GetResultAsync(CancellationToken cancellationToken = default)
    {
        // Every load is asked for its result before any is awaited, so their batches start together.
        var tasks = new Task<T>[results.Count];
        for (var i = 0; i < tasks.Length; i++)
        {
            tasks[i] = results[i].GetResultAsync(cancellationToken);
        }

        return await Task.WhenAll(tasks).ConfigureAwait(false);
    }

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        => FieldErrorIsolation.AwaitForFieldAsync(GetResultAsync(cancellationToken));
}
