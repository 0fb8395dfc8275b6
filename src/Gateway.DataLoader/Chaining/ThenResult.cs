using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader.Chaining;

/// <summary>A pending result followed by a transformation of its value, run once.</summary>
internal sealed class ThenResult<T, TResult>(
    IDataLoaderResult<T> parent,
    Func<T, CancellationToken, Task<TResult>> next) : IDataLoaderResult<TResult>
{
    private readonly Lock _sync = new();
    private Task<TResult>? _result;

    public Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
    {
        lock (_sync)
        {
            return _result ??= RunAsync(cancellationToken);
        }
    }

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        => FieldErrorIsolation.AwaitForFieldAsync(GetResultAsync(cancellationToken));

    private async Task<TResult> RunAsync(CancellationToken cancellationToken)
    {
        var value = await parent.GetResultAsync(cancellationToken).ConfigureAwait(false);
        return await next(value, cancellationToken).ConfigureAwait(false);
    }
}
