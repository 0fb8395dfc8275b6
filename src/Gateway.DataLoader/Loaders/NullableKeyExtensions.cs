using Gateway.DataLoader.Batching;
using GraphQL.DataLoader;

namespace Gateway.DataLoader;

/// <summary>
/// Loads by an optional value-type key, such as a nullable foreign key (<c>category.ParentId</c>),
/// so resolvers need not branch on <see langword="null"/> themselves.
/// </summary>
public static class NullableKeyExtensions
{
    /// <summary>Loads <paramref name="key"/>, or yields <see langword="default"/> at once when it is <see langword="null"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="loader">The loader.</param>
    /// <param name="key">The optional key.</param>
    /// <returns>A pending result.</returns>
    public static IDataLoaderResult<TValue?> LoadAsync<TKey, TValue>(this BatchDataLoader<TKey, TValue> loader, TKey? key)
        where TKey : struct
    {
        ArgumentNullException.ThrowIfNull(loader);
        return key is { } value ? loader.LoadAsync(value) : new CompletedResult<TValue?>(default);
    }

    /// <summary>Loads <paramref name="key"/> with <paramref name="shape"/>, or yields <see langword="default"/> at once when the key is <see langword="null"/>.</summary>
    /// <typeparam name="TKey">The key type.</typeparam>
    /// <typeparam name="TShape">The selection shape type.</typeparam>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="loader">The loader.</param>
    /// <param name="key">The optional key.</param>
    /// <param name="shape">What the caller selected.</param>
    /// <returns>A pending result.</returns>
    public static IDataLoaderResult<TValue?> LoadAsync<TKey, TShape, TValue>(this ProjectedBatchDataLoader<TKey, TShape, TValue> loader, TKey? key, TShape shape)
        where TKey : struct
        where TShape : notnull
    {
        ArgumentNullException.ThrowIfNull(loader);
        return key is { } value ? loader.LoadAsync(value, shape) : new CompletedResult<TValue?>(default);
    }
}
