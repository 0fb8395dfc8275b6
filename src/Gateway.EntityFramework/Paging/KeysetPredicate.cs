using System.Linq.Expressions;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Sorting;

namespace Gateway.EntityFramework.Paging;

/// <summary>
/// The keyset condition "row comes after (or before) the cursor row in this order":
/// <c>(k1, k2, id) &gt; (v1, v2, vid)</c> expanded into OR/AND form with per-key direction, which EF translates
/// and an index on the keys can serve (a deep page costs about what the first page costs).
/// Nulls sort first, as SQLite orders them.
/// </summary>
internal static class KeysetPredicate
{
    public static Expression Build(IReadOnlyList<SortKey> keys, object?[] values, bool after)
    {
        Expression? result = null;
        for (var i = keys.Count - 1; i >= 0; i--)
        {
            // (k_i beyond v_i) OR (k_i = v_i AND <rest>)
            var beyond = Beyond(keys[i].Key, values[i], greater: after != keys[i].Descending);
            result = result is null
                ? beyond
                : Expression.OrElse(beyond, Expression.AndAlso(Equal(keys[i].Key, values[i]), result));
        }

        return result ?? Expression.Constant(true);
    }

    private static Expression Equal(Expression key, object? value) =>
        value is null
            ? (CanBeNull(key) ? Expression.Equal(key, Expression.Constant(null, key.Type)) : Expression.Constant(false))
            : Expression.Equal(key, Parameter(key, value));

    private static Expression Beyond(Expression key, object? value, bool greater)
    {
        var nullable = CanBeNull(key);
        if (value is null)
        {
            // nothing is below null; everything non-null is above it
            return greater && nullable ? Expression.NotEqual(key, Expression.Constant(null, key.Type)) : Expression.Constant(false);
        }

        var comparison = Comparisons.Compare(key, Parameter(key, value), greater, orEqual: false);
        return !greater && nullable
            ? Expression.OrElse(comparison, Expression.Equal(key, Expression.Constant(null, key.Type)))
            : comparison;
    }

    private static Expression Parameter(Expression key, object value) =>
        ValueParameter.Create(ValueParameter.Convert(value, key.Type), key.Type);

    private static bool CanBeNull(Expression key) => !key.Type.IsValueType || Nullable.GetUnderlyingType(key.Type) is not null;
}
