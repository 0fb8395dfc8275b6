using System.ComponentModel;
using System.Reflection;
using Gateway.EntityFramework.Relay;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// The error object type of each exception a mutation declares, built once and shared by every union that lists it:
/// <c>message</c>, then the exception's own public properties, implementing <c>Error</c>.
/// </summary>
internal sealed class ErrorObjectTypes(EntityModel model)
{
    private readonly Dictionary<Type, ObjectGraphType> _types = [];
    private readonly Dictionary<string, Type> _names = [];

    public ObjectGraphType For(Type exceptionType)
    {
        if (_types.TryGetValue(exceptionType, out var existing))
        {
            return existing;
        }

        var name = exceptionType.GetCustomAttribute<NameAttribute>()?.Name ?? NameOf(exceptionType);
        if (_names.TryGetValue(name, out var other))
        {
            throw new InvalidOperationException($"{exceptionType.Name} and {other.Name} would both be the error type '{name}': give one a [Name].");
        }

        var type = new ObjectGraphType
        {
            Name = name,
            Description = exceptionType.GetCustomAttribute<DescriptionAttribute>()?.Description,
            IsTypeOf = exceptionType.IsInstanceOfType,
        };
        type.Field<NonNullGraphType<StringGraphType>>("message").Resolve(context => ((Exception)context.Source!).Message);
        type.Interface<ErrorInterfaceType>();
        foreach (var property in exceptionType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.DeclaringType!.Assembly != typeof(Exception).Assembly && p.GetIndexParameters().Length == 0)
            .OrderBy(p => p.DeclaringType == exceptionType ? 1 : 0))
        {
            var member = new DeclaredMember(property, null);
            if (!member.IsIgnored)
            {
                type.AddField(FieldOf(member, $"{exceptionType.Name}.{property.Name}"));
            }
        }

        _types[exceptionType] = type;
        _names[name] = exceptionType;
        return type;
    }

    /// <summary>As Hot Chocolate names them: <c>OutOfStockException</c> becomes <c>OutOfStockError</c>.</summary>
    private static string NameOf(Type exceptionType) =>
        (exceptionType.Name.EndsWith("Exception", StringComparison.Ordinal) ? exceptionType.Name[..^"Exception".Length] : exceptionType.Name) + "Error";

    private FieldType FieldOf(DeclaredMember member, string where)
    {
        var nullable = DeclaredMember.IsNullable(member.Nullability);
        var property = member.Property;
        if (member.GlobalId is { } globalId)
        {
            var typeName = GlobalIdNames.Resolve(model, globalId, where);
            return Field(member, typeof(IdGraphType), nullable,
                source => property.GetValue(source) is { } key ? GlobalId.Encode(typeName, key) : null);
        }

        return Field(member, ClrGraphTypes.NamedGraphType(property.PropertyType), nullable, property.GetValue);
    }

    private static FieldType Field(DeclaredMember member, Type namedType, bool nullable, Func<object, object?> read) => new()
    {
        Name = member.Name,
        Description = member.Description,
        Type = ClrGraphTypes.Wrap(namedType, nullable),
        Resolver = new FuncFieldResolver<object?>(context => read(context.Source!)),
    };
}
