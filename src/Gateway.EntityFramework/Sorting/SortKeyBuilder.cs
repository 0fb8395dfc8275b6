using System.Collections;
using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Sorting;

/// <summary>
/// Translates an <c>order</c> input into sort keys, appending the primary key so that every order is total
/// (a keyset cursor needs a unique position).
/// </summary>
internal sealed class SortKeyBuilder(QueryScope scope)
{
    public List<SortKey> Build(IEntityObjectType type, Expression instance, object? order, bool appendPrimaryKey)
    {
        var keys = new List<SortKey>();
        if (order is IEnumerable items)
        {
            foreach (var item in items.OfType<IDictionary<string, object?>>())
            {
                Add(type, instance, item, "", null, keys);
            }
        }

        if (appendPrimaryKey)
        {
            AppendPrimaryKey(type, instance, keys);
        }

        return keys;
    }

    /// <summary>Orders <paramref name="source"/> by the keys (reversed for backward paging).</summary>
    public static Expression Apply(Expression source, ParameterExpression parameter, IReadOnlyList<SortKey> keys, bool reverse, bool queryable)
    {
        for (var i = 0; i < keys.Count; i++)
        {
            var descending = keys[i].Descending != reverse;
            if (keys[i].CanBeNull)
            {
                // Nulls first ascending and last descending, said outright, as KeysetPredicate's cursors assume:
                // SQLite orders NULL lowest by itself, PostgreSQL highest. Only for keys that can be NULL: the
                // extra term would keep an index on a NOT NULL column from serving the order.
                var isNull = Expression.Equal(keys[i].Key, Expression.Constant(null, keys[i].Key.Type));
                source = Linq.OrderBy(source, Expression.Lambda(isNull, parameter), !descending, i == 0, queryable);
            }
            source = Linq.OrderBy(source, Expression.Lambda(keys[i].Key, parameter), descending, i == 0 && !keys[i].CanBeNull, queryable);
        }

        return source;
    }

    public static string Signature(IEnumerable<SortKey> keys) =>
        string.Join(",", keys.Select(k => k.Path + (k.Descending ? ":DESC" : ":ASC")));

    /// <param name="visible">Whether the row the keys are read from may be seen (null: it may): a key of a row the caller
    /// may not see is NULL, so that the order says nothing about it.</param>
    private void Add(IEntityObjectType type, Expression instance, IDictionary<string, object?> input, string prefix, Expression? visible, List<SortKey> keys)
    {
        var set = input.Where(p => p.Value is not null).ToList();
        if (set.Count != 1)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.InvalidSort,
                $"Each sort input must set exactly one field; {type.Name}SortInput has {set.Count}.");
        }

        var (name, value) = set[0];
        var field = type.Definitions.First(d => d.Name == name);
        scope.Require(field.Policy);
        var path = prefix + name;
        switch (field.Kind)
        {
            case EntityFieldKind.Reference:
                var target = scope.Model.EntityType(field.TargetClrType);
                var reference = ParameterReplacer.Inline(field.Expression!, instance);
                Add(target, reference, (IDictionary<string, object?>)value!, path + ".", Both(visible, scope.Rules.Visible(target, reference)), keys);
                break;
            case EntityFieldKind.Embedded:
                Add(scope.Model.EmbeddedType(field.TargetClrType), instance, (IDictionary<string, object?>)value!, path + ".", visible, keys);
                break;
            default:
                var key = scope.Rules.Narrow(ParameterReplacer.Inline(field.Expression!, instance));
                if (visible is not null)
                {
                    var nullable = key.Type.IsValueType && Nullable.GetUnderlyingType(key.Type) is null ? typeof(Nullable<>).MakeGenericType(key.Type) : key.Type;
                    key = Expression.Condition(visible, Expression.Convert(key, nullable), Expression.Constant(null, nullable));
                }

                keys.Add(new SortKey(key, (SortDirection)value!, path, CanBeNull(key)));
                break;
        }
    }

    private static Expression? Both(Expression? first, Expression? second) =>
        first is null ? second : second is null ? first : Expression.AndAlso(first, second);

    /// <summary>
    /// Whether a key's SQL value can be NULL: a nullable value type, or a reference-typed member (text) whose mapped
    /// column is nullable; a computed reference-typed key is assumed nullable.
    /// </summary>
    private bool CanBeNull(Expression key)
    {
        if (key.Type.IsValueType)
        {
            return Nullable.GetUnderlyingType(key.Type) is not null;
        }
        return key is not MemberExpression { Expression: { } owner, Member.Name: var name }
            || scope.Db.Model.FindEntityType(owner.Type)?.FindProperty(name) is not { IsNullable: false };
    }

    private void AppendPrimaryKey(IEntityObjectType type, Expression instance, List<SortKey> keys)
    {
        foreach (var key in PrimaryKey.Of(scope.Db, instance))
        {
            var text = key.ToString();
            if (!keys.Any(k => k.Key.ToString() == text))
            {
                keys.Add(new SortKey(key, SortDirection.Ascending, "#" + text[(text.LastIndexOf('.') + 1)..]));
            }
        }
    }
}
