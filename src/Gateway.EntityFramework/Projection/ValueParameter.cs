using System.Globalization;
using System.Linq.Expressions;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Client values enter expression trees as captured members, not constants, so EF Core sends them as SQL
/// parameters (no literal in the SQL text, one cached plan for every value).
/// </summary>
internal static class ValueParameter
{
    public static Expression Create(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), "Value");
    }

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

    private sealed class Holder<T>(T value)
    {
        public T Value { get; } = value;
    }
}
