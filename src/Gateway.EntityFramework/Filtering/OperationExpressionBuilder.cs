using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Relay;

namespace Gateway.EntityFramework.Filtering;

/// <summary>
/// Translates one operation input (<c>{ eq: 1, gt: 0 }</c>) on a scalar expression into a predicate. A
/// <paramref name="scale"/> is the declared scale of a decimal column the expression reads (see <see cref="DecimalScale"/>).
/// </summary>
internal sealed class OperationExpressionBuilder(EntityFrameworkOptions options, DecimalScale? scale = null)
{
    private static readonly MethodInfo _contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo _startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo _endsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;
    private static readonly MethodInfo _substring = typeof(string).GetMethod(nameof(string.Substring), [typeof(int), typeof(int)])!;
    private static readonly MethodInfo _substringFrom = typeof(string).GetMethod(nameof(string.Substring), [typeof(int)])!;

    public Expression? Build(Expression value, IDictionary<string, object?> operations)
    {
        Expression? result = null;
        foreach (var (operation, operand) in operations)
        {
            var part = Operation(value, operation, operand);
            if (part is not null)
            {
                result = result is null ? part : Expression.AndAlso(result, part);
            }
        }

        return result;
    }

    /// <summary>Operations on a global id: the ids are decoded to keys; ids of other types match nothing.</summary>
    public Expression? BuildId(Expression key, string typeName, IDictionary<string, object?> operations)
    {
        var decoded = new Dictionary<string, object?>();
        foreach (var (operation, operand) in operations)
        {
            decoded[operation] = operand switch
            {
                null => null,
                IEnumerable list and not string => list.Cast<object?>().Select(id => DecodeId(id, typeName, key.Type)).ToList(),
                _ => DecodeId(operand, typeName, key.Type),
            };
        }

        return Build(key, decoded);
    }

    private static object? DecodeId(object? id, string typeName, Type keyType)
    {
        if (!GlobalId.TryDecode(id?.ToString(), out var type, out var key) || !GlobalId.TryConvertKey(key, keyType, out var value))
        {
            throw new QueryEngineError(QueryEngineErrorCodes.InvalidId, $"'{id}' is not a valid id.");
        }

        // An id of another type matches no row; a sentinel that equals no key keeps the SQL shape simple.
        return type == typeName ? value : NoMatch.Instance;
    }

    private Expression? Operation(Expression value, string operation, object? operand)
    {
        switch (operation)
        {
            case "eq":
                return Equal(value, operand);
            case "neq":
                return Expression.Not(Equal(value, operand));
            case "in":
            case "nin":
                if (operand is null)
                {
                    return null;
                }

                var membership = In(value, (IEnumerable)operand);
                return operation == "in" ? membership : Expression.Not(membership);
        }

        if (operand is null)
        {
            return null; // Hot Chocolate ignores null operands of operations other than eq/neq
        }

        return operation switch
        {
            "contains" => Text(_contains, value, operand),
            "ncontains" => Expression.Not(Text(_contains, value, operand)),
            "startsWith" => Text(_startsWith, value, operand),
            "nstartsWith" => Expression.Not(Text(_startsWith, value, operand)),
            "endsWith" => Text(_endsWith, value, operand),
            "nendsWith" => Expression.Not(Text(_endsWith, value, operand)),
            "gt" => Compare(value, operand, true, false),
            "ngt" => Expression.Not(Compare(value, operand, true, false)),
            "gte" => Compare(value, operand, true, true),
            "ngte" => Expression.Not(Compare(value, operand, true, true)),
            "lt" => Compare(value, operand, false, false),
            "nlt" => Expression.Not(Compare(value, operand, false, false)),
            "lte" => Compare(value, operand, false, true),
            "nlte" => Expression.Not(Compare(value, operand, false, true)),
            _ => throw new InvalidOperationException($"Unknown filter operation '{operation}'."),
        };
    }

    private Expression Equal(Expression value, object? operand)
    {
        if (operand is NoMatch || (operand is not null && !Holds(ValueParameter.Convert(operand, value.Type))))
        {
            return Expression.Constant(false);
        }

        if (operand is null)
        {
            var nullable = !value.Type.IsValueType || Nullable.GetUnderlyingType(value.Type) is not null;
            return nullable ? Expression.Equal(value, Expression.Constant(null, value.Type)) : Expression.Constant(false);
        }

        return Expression.Equal(value, ValueParameter.Create(ValueParameter.Convert(operand, value.Type), value.Type));
    }

    private Expression In(Expression value, IEnumerable operand)
    {
        var items = operand.Cast<object?>().ToList();
        if (items.Count > options.MaxFilterListLength)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.FilterListTooLong,
                $"A filter list may hold at most {options.MaxFilterListLength} values; it has {items.Count}.");
        }

        var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(value.Type))!;
        foreach (var item in items.Where(i => i is not NoMatch).Select(i => ValueParameter.Convert(i, value.Type)).Where(Holds))
        {
            list.Add(item);
        }

        return Linq.Contains(ValueParameter.List(list), value);
    }

    private static Expression Text(MethodInfo method, Expression value, object operand)
    {
        var text = ValueParameter.Create(operand.ToString(), typeof(string));
        var match = Expression.Call(value, method, text);
        if (method == _contains)
        {
            return match; // instr() on SQLite: exact, as eq is
        }

        // LIKE ignores ASCII case on SQLite while eq and contains do not: the exact comparison of the affix keeps
        // every text operation case-sensitive on every provider (the LIKE still lets an index narrow first elsewhere).
        var length = Expression.Property(text, nameof(string.Length));
        var affix = method == _startsWith
            ? Expression.Call(value, _substring, Expression.Constant(0), length)
            : Expression.Call(value, _substringFrom, Expression.Subtract(Expression.Property(value, nameof(string.Length)), length));
        return Expression.AndAlso(match, Expression.Equal(affix, text));
    }

    private Expression Compare(Expression value, object operand, bool greater, bool orEqual)
    {
        var converted = ValueParameter.Convert(operand, value.Type);
        if (converted is decimal number && scale is { } places)
        {
            converted = places.Bound(number, greater, orEqual);
        }

        return Comparisons.Compare(value, ValueParameter.Create(converted, value.Type), greater, orEqual);
    }

    /// <summary>Whether a stored value can equal <paramref name="value"/>: false for a decimal finer than the column's scale.</summary>
    private bool Holds(object? value) => value is not decimal number || scale is not { } places || places.Holds(number);

    private sealed class NoMatch
    {
        public static readonly NoMatch Instance = new();
    }
}
