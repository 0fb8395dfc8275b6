using System.ComponentModel;
using System.Reflection;
using System.Text.RegularExpressions;
using GraphQL;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// A property of an input record or error exception as GraphQL sees it. Attributes are read from the property and from
/// the positional record parameter it came from, so <c>record R([Description("...")] int X)</c> needs no <c>property:</c> target.
/// </summary>
internal sealed class DeclaredMember
{
    public DeclaredMember(PropertyInfo property, ParameterInfo? parameter)
    {
        Property = property;
        Parameter = parameter;
        Name = Attribute<NameAttribute>()?.Name ?? CamelCase(property.Name);
        Description = Attribute<DescriptionAttribute>()?.Description;
        IsIgnored = Attribute<IgnoreAttribute>() is not null;
        GlobalId = Attribute<GlobalIdAttribute>();
        // A context per read: NullabilityInfoContext caches in a plain Dictionary, and schemas of several hosts (tests,
        // replicas in one process) are built on parallel threads; a shared one corrupted its cache (HTTP 500).
        Nullability = new NullabilityInfoContext().Create(property);
    }

    public PropertyInfo Property { get; }

    public ParameterInfo? Parameter { get; }

    /// <summary>The GraphQL field name: <c>[Name]</c>, or the property name in camelCase.</summary>
    public string Name { get; }

    public string? Description { get; }

    public bool IsIgnored { get; }

    public GlobalIdAttribute? GlobalId { get; }

    public NullabilityInfo Nullability { get; }

    public T? Attribute<T>()
        where T : Attribute =>
        Property.GetCustomAttribute<T>() ?? Parameter?.GetCustomAttribute<T>();

    public IEnumerable<T> Attributes<T>()
        where T : Attribute =>
        Property.GetCustomAttributes<T>().Concat(Parameter?.GetCustomAttributes<T>() ?? []);

    public static string CamelCase(string name) => char.ToLowerInvariant(name[0]) + name[1..];

    public static string PascalCase(string name) => char.ToUpperInvariant(name[0]) + name[1..];

    /// <summary>A type name as words of a sentence: <c>WishlistItem</c> → <c>wishlist item</c>.</summary>
    public static string Words(string typeName) =>
        Regex.Replace(typeName, "(?<=[a-z0-9])(?=[A-Z])", " ").ToLowerInvariant();

    /// <summary>Whether a value of this nullability may be null (value types: only <see cref="Nullable{T}"/>).</summary>
    public static bool IsNullable(NullabilityInfo info) =>
        info.Type.IsValueType ? Nullable.GetUnderlyingType(info.Type) is not null : info.ReadState != NullabilityState.NotNull;

    /// <summary>The element type of a list (array or generic enumerable other than string), or null.</summary>
    public static Type? ElementTypeOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) && type.GetGenericArguments().Length == 1 ? type.GetGenericArguments()[0]
        : null;
}
