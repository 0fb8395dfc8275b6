using System.Linq.Expressions;

namespace Gateway.Tests.Budgets.NaiveBaseline;

/// <summary>Reads the screens' <c>where</c> and <c>order</c> arguments; the filtering of root lists still happens in SQL.</summary>
internal static class NaiveArguments
{
    public static IDictionary<string, object?> Input(object? value) => value as IDictionary<string, object?> ?? new Dictionary<string, object?>();

    public static object? Get(IDictionary<string, object?> input, string name) => input.TryGetValue(name, out var value) ? value : null;

    /// <summary>
    /// Applies an <c>order: [{ key: ASC|DESC }, …]</c> argument value through a key-name map, then the id. Takes the
    /// value, not the field context: GraphQL.NET reuses a context once its resolver returns, and these queries may run later.
    /// </summary>
    public static IQueryable<T> Order<T>(object? order, IQueryable<T> source, IReadOnlyDictionary<string, SortKey<T>> keys, SortKey<T> id)
    {
        IOrderedQueryable<T>? ordered = null;
        foreach (var item in (IEnumerable<object?>?)order ?? [])
        {
            foreach (var (name, direction) in Input(item))
            {
                ordered = keys[name](source, ordered, (string?)direction == "DESC");
            }
        }
        return id(source, ordered, false);
    }

    /// <summary>A typed sort key (so EF Core sees the column's real type, decimals included).</summary>
    public static SortKey<T> Key<T, TKey>(Expression<Func<T, TKey>> key) => (source, ordered, descending) => ordered is null
        ? descending ? source.OrderByDescending(key) : source.OrderBy(key)
        : descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
}

internal delegate IOrderedQueryable<T> SortKey<T>(IQueryable<T> source, IOrderedQueryable<T>? ordered, bool descending);
