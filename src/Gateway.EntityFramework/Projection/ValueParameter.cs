using System.Collections;
using System.Globalization;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Client values enter expression trees as captured members, not constants, so EF Core sends them as SQL
/// parameters (no literal in the SQL text, one cached plan for every value).
/// </summary>
internal static class ValueParameter
{
    private static readonly MethodInfo _parameter = typeof(EF).GetMethod(nameof(EF.Parameter))!;

    public static Expression Create(object? value, Type type) => Create(value, type, slot: false);

    /// <summary>
    /// A value that tells one request of a read from another of the same shape (the keys a read is for): a
    /// <see cref="Execution.PreparedRead"/> puts each request's own value in its place.
    /// </summary>
    public static Expression Slot(object? value, Type type) => Create(value, type, slot: true);

    /// <summary>A list of values as one SQL parameter (see <see cref="List"/>) that is a read's <see cref="Slot"/>.</summary>
    public static Expression SlotList(IList values) =>
        Expression.Call(_parameter.MakeGenericMethod(values.GetType()), Create(values, values.GetType(), slot: true));

    /// <summary>Whether <paramref name="expression"/> is a value made by <see cref="Slot"/> or <see cref="SlotList"/>.</summary>
    public static bool IsSlot(Expression expression) =>
        expression is MemberExpression { Expression: ConstantExpression { Value: IHolder { IsSlot: true } } };

    private static Expression Create(object? value, Type type, bool slot)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value, slot)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

    /// <summary>
    /// A list of values (keys of a batch, an <c>in</c> filter) as one SQL parameter. By default EF Core expands a list
    /// into one parameter per element, so the SQL depends on the values and EF Core cannot cache it: every execution
    /// regenerated the statement's SQL under a lock shared by all requests (a quarter of a product page's time under
    /// load, by a CPU profile). As one parameter (a JSON array on SQLite) the SQL is generated once per query shape.
    /// </summary>
    public static Expression List(IList values) =>
        Expression.Call(_parameter.MakeGenericMethod(values.GetType()), Create(values, values.GetType(), slot: false));

    /// <summary>Converts a parsed GraphQL value to the CLR type of the expression it is compared with.</summary>
    public static object? Convert(object? value, Type type)
    {
        if (value is null)
        {
            return null;
        }

        var target = Nullable.GetUnderlyingType(type) ?? type;
        if (target.IsInstanceOfType(value))
        {
            return value;
        }

        if (target.IsEnum)
        {
            return value is string name ? Enum.Parse(target, name, ignoreCase: true) : Enum.ToObject(target, value);
        }

        if (target == typeof(DateTime) && value is DateTimeOffset offset)
        {
            return offset.UtcDateTime;
        }

        if (target == typeof(Guid))
        {
            return Guid.Parse(value.ToString()!);
        }

        return System.Convert.ChangeType(value, target, CultureInfo.InvariantCulture);
    }

    /// <summary>A client value in a tree: <c>holder.Value</c> on a constant holder, as <see cref="Create"/> makes it.</summary>
    public static bool IsValue(Expression expression, out object? value, out Type type)
    {
        if (expression is MemberExpression { Expression: ConstantExpression { Value: IHolder holder } } member)
        {
            value = holder.Boxed;
            type = member.Type;
            return true;
        }

        value = null;
        type = null!;
        return false;
    }

    private interface IHolder
    {
        object? Boxed { get; }

        bool IsSlot { get; }
    }

    private sealed class Holder<T>(T value, bool isSlot) : IHolder
    {
        public T Value { get; } = value;

        public object? Boxed => Value;

        public bool IsSlot { get; } = isSlot;
    }
}
