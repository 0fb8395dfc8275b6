using Gateway.DataLoader.Chaining;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// <c>Then</c> continuations on pending DataLoader results, so that a resolver can transform a loaded value
/// or start a second load from it and still return a pending result to GraphQL.NET.
/// </summary>
public static class DataLoaderResultExtensions
{
    /// <summary>Transforms the loaded value, e.g. <c>.Then(product =&gt; product?.Name)</c>.</summary>
    /// <typeparam name="T">The loaded value's type.</typeparam>
    /// <typeparam name="TResult">The transformed value's type.</typeparam>
    /// <param name="result">The pending result.</param>
    /// <param name="transform">Runs once, after the load completes.</param>
    /// <returns>A pending result of the transformed value.</returns>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, TResult> transform)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(transform);
        return new ThenResult<T, TResult>(result, (value, _) => Task.FromResult(transform(value)));
    }

    /// <summary>Transforms the loaded value asynchronously.</summary>
    /// <typeparam name="T">The loaded value's type.</typeparam>
    /// <typeparam name="TResult">The transformed value's type.</typeparam>
    /// <param name="result">The pending result.</param>
    /// <param name="transform">Runs once, after the load completes.</param>
    /// <returns>A pending result of the transformed value.</returns>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, Task<TResult>> transform)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(transform);
        return new ThenResult<T, TResult>(result, (value, _) => transform(value));
    }

    /// <summary>Transforms the loaded value asynchronously, with the request's cancellation token.</summary>
    /// <typeparam name="T">The loaded value's type.</typeparam>
    /// <typeparam name="TResult">The transformed value's type.</typeparam>
    /// <param name="result">The pending result.</param>
    /// <param name="transform">Runs once, after the load completes.</param>
    /// <returns>A pending result of the transformed value.</returns>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, CancellationToken, Task<TResult>> transform)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(transform);
        return new ThenResult<T, TResult>(result, transform);
    }

    /// <summary>
    /// Starts a second load from the loaded value, e.g.
    /// <c>orderLoader.LoadAsync(id).Then(order =&gt; order is null ? null : customerLoader.LoadAsync(order.CustomerId))</c>.
    /// The second loads of all fields on a level are fetched in one batch, one round after the first.
    /// Returning <see langword="null"/> yields <see langword="default"/>.
    /// </summary>
    /// <typeparam name="T">The first loaded value's type.</typeparam>
    /// <typeparam name="TResult">The second loaded value's type.</typeparam>
    /// <param name="result">The pending first result.</param>
    /// <param name="load">Starts the second load (call a loader's <c>LoadAsync</c>; do not await it).</param>
    /// <returns>A pending result of the second load's value.</returns>
    public static IDataLoaderResult<TResult> Then<T, TResult>(this IDataLoaderResult<T> result, Func<T, IDataLoaderResult<TResult>?> load)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(load);
        return new ThenLoadResult<T, TResult>(result, load);
    }
}
