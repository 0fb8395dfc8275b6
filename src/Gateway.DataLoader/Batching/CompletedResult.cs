using GraphQL.DataLoader;

namespace Gateway.DataLoader.Batching;

/// <summary>A result known without loading anything (a null key).</summary>
internal sealed class CompletedResult<T>(T value) : IDataLoaderResult<T>
{
    private readonly Task<T> _task = Task.FromResult(value);

    public Task<T> GetResultAsync(CancellationToken cancellationToken = default) => _task;

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(_task.Result);
}
