using System.Linq.Expressions;
using System.Reflection;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>Maps CLR value types of field expressions to GraphQL scalar and enum graph types.</summary>
internal static class ClrGraphTypes
{
    private static readonly Dictionary<Type, Type> _scalars = new()
    {
        [typeof(string)] = typeof(StringGraphType),
        [typeof(int)] = typeof(IntGraphType),
        [typeof(short)] = typeof(IntGraphType),
        [typeof(byte)] = typeof(IntGraphType),
        [typeof(long)] = typeof(LongGraphType),
        [typeof(decimal)] = typeof(DecimalGraphType),
        [typeof(double)] = typeof(FloatGraphType),
        [typeof(float)] = typeof(FloatGraphType),
        [typeof(bool)] = typeof(BooleanGraphType),
        [typeof(DateTime)] = typeof(DateTimeGraphType),
        [typeof(DateTimeOffset)] = typeof(DateTimeOffsetGraphType),
        [typeof(DateOnly)] = typeof(DateOnlyGraphType),
        [typeof(Guid)] = typeof(GuidGraphType),
    };

    /// <summary>The named graph type (no wrappers) of a CLR scalar or enum.</summary>
    public static Type NamedGraphType(Type clrType)
    {
        var type = Nullable.GetUnderlyingType(clrType) ?? clrType;
        if (type.IsEnum)
        {
            return typeof(EnumerationGraphType<>).MakeGenericType(type);
        }

        return _scalars.TryGetValue(type, out var graphType)
            ? graphType
            : throw new NotSupportedException($"No GraphQL scalar for CLR type {type.Name}: declare the field's type with .Type(...).");
    }

    /// <summary>Whether the value of <paramref name="expression"/> can be null, from its CLR type and nullable annotations.</summary>
    public static bool IsNullable(LambdaExpression expression)
    {
        var type = expression.ReturnType;
        if (type.IsValueType)
        {
            return Nullable.GetUnderlyingType(type) is not null;
        }

        var body = expression.Body is UnaryExpression { NodeType: ExpressionType.Convert } convert ? convert.Operand : expression.Body;
        if (body is MemberExpression { Member: PropertyInfo property })
        {
            return new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
        }

        return true;
    }

    public static Type Wrap(Type namedGraphType, bool nullable) =>
        nullable ? namedGraphType : typeof(NonNullGraphType<>).MakeGenericType(namedGraphType);

    public static string NameOf(Type namedGraphType) =>
        ((IGraphType)Activator.CreateInstance(namedGraphType)!).Name;
}
