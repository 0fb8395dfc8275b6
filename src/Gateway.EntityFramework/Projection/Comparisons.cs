using System.Linq.Expressions;

namespace Gateway.EntityFramework.Projection;

/// <summary>Greater-than/less-than between an expression and a value, for every orderable type EF Core translates.</summary>
internal static class Comparisons
{
    private static readonly System.Reflection.MethodInfo _stringCompare =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    /// <summary><paramref name="left"/> &gt; <paramref name="right"/> (or &lt; when <paramref name="greater"/> is false), SQL null semantics aside.</summary>
    public static Expression Compare(Expression left, Expression right, bool greater, bool orEqual)
    {
        var type = Nullable.GetUnderlyingType(left.Type) ?? left.Type;
        if (type == typeof(string))
        {
            left = Expression.Call(_stringCompare, left, right);
            right = Expression.Constant(0);
        }
        else if (type.IsEnum)
        {
            var underlying = Enum.GetUnderlyingType(type);
            var numeric = Nullable.GetUnderlyingType(left.Type) is null ? underlying : typeof(Nullable<>).MakeGenericType(underlying);
            left = Expression.Convert(left, numeric);
            right = Expression.Convert(right, numeric);
        }
        else if (type == typeof(bool))
        {
            // false < true; compare as 0/1 so the same code path orders booleans
            left = Expression.Condition(Expression.Equal(left, Expression.Constant(true, left.Type)), Expression.Constant(1), Expression.Constant(0));
            right = Expression.Condition(Expression.Equal(right, Expression.Constant(true, right.Type)), Expression.Constant(1), Expression.Constant(0));
        }

        return (greater, orEqual) switch
        {
            (true, false) => Expression.GreaterThan(left, right),
            (true, true) => Expression.GreaterThanOrEqual(left, right),
            (false, false) => Expression.LessThan(left, right),
            _ => Expression.LessThanOrEqual(left, right),
        };
    }
}
