using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader.Chaining;

/// <summary>
/// A pending result whose value starts a second load. Typed callers get the second load's value;
/// GraphQL.NET (which calls the untyped <see cref="IDataLoaderResult.GetResultAsync"/>) gets the second
/// pending load itself, so it puts the field back in its queue and the second loads of all sibling fields
/// are fetched in one batch on the next round instead of one by one.
/// </summary>
internal sealed class ThenLoadResult<T, TResult>(
    IDataLoaderResult<T> parent,
    Func<T, IDataLoaderResult<TResult>?> next) : IDataLoaderResult<TResult>
{
    private readonly Lock _sync = new();
    private Task<IDataLoaderResult<TResult>?>? _second;

    public async Task<TResult> GetResultAsync(CancellationToken cancellationToken = default)
    {
        var second = await GetSecondAsync(cancellationToken).ConfigureAwait(false);
        return second is null ? default! : await second.GetResultAsync(cancellationToken).ConfigureAwait(false);
    }

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken)
        => FieldErrorIsolation.AwaitForFieldAsync(GetSecondAsync(cancellationToken));

    private Task<IDataLoaderResult<TResult>?> GetSecondAsync(CancellationToken cancellationToken)
    {
        lock (_sync)
        {
            return _second ??= StartSecondAsync(cancellationToken);
        }
    }

    private async Task<IDataLoaderResult<TResult>?> StartSecondAsync(CancellationToken cancellationToken)
    {
        var value = await parent.GetResultAsync(cancellationToken).ConfigureAwait(false);
        return next(value);
    }
}
