using System.Reflection;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Builds input object types from input records: a mutation's own record is named <c>{Mutation}Input</c>; a nested
/// record keeps its <c>[Name]</c> or CLR name and is built once, however many mutations use it.
/// </summary>
internal sealed class InputObjectTypes(EntityModel model)
{
    private readonly Dictionary<Type, InputShape> _nested = [];

    public InputShape Create(Type recordType, string name) => Build(recordType, name);

    private InputShape Build(Type recordType, string name)
    {
        var constructor = recordType.GetConstructors().MaxBy(c => c.GetParameters().Length)
            ?? throw new InvalidOperationException($"Input type {recordType.Name} has no public constructor.");
        var shape = new InputShape(recordType, constructor, new InputObjectGraphType { Name = name });
        var parameters = constructor.GetParameters();
        foreach (var property in recordType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            var parameter = parameters.FirstOrDefault(p => string.Equals(p.Name, property.Name, StringComparison.OrdinalIgnoreCase));
            if (parameter is null && property.SetMethod is not { IsPublic: true })
            {
                continue; // computed: nothing the client could set
            }

            var member = new DeclaredMember(property, parameter);
            if (member.IsIgnored)
            {
                continue;
            }

            var value = ValueOf(member, member.Nullability, $"{recordType.Name}.{property.Name}");
            var field = new InputField(member, value);
            shape.Fields.Add(field);
            var graphType = GraphTypeOf(value);
            shape.GraphType.AddField(new FieldType
            {
                Name = member.Name,
                Description = member.Description,
                Type = graphType as Type,
                ResolvedType = graphType as IGraphType,
            });
        }

        return shape;
    }

    private InputValue ValueOf(DeclaredMember member, NullabilityInfo nullability, string where)
    {
        var type = nullability.Type;
        var nullable = DeclaredMember.IsNullable(nullability);
        if (DeclaredMember.ElementTypeOf(type) is not null)
        {
            var element = nullability.ElementType ?? nullability.GenericTypeArguments[0];
            return new InputValue(type, nullable, Element: ValueOf(member, element, where));
        }

        if (member.GlobalId is { } globalId)
        {
            return new InputValue(type, nullable, GlobalIdType: GlobalIdNames.Resolve(model, globalId, where));
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if (underlying.IsValueType || underlying == typeof(string))
        {
            return new InputValue(type, nullable);
        }

        if (!_nested.TryGetValue(type, out var record))
        {
            record = Build(type, type.GetCustomAttribute<NameAttribute>()?.Name ?? type.Name);
            _nested[type] = record;
        }

        return new InputValue(type, nullable, Record: record);
    }

    /// <summary>A <see cref="Type"/> when the value is made of scalars (so the schema shares its scalar and enum types), else an instance.</summary>
    private static object GraphTypeOf(InputValue value)
    {
        if (value.Element is { } element)
        {
            var inner = GraphTypeOf(element);
            return Wrap(inner is Type t ? typeof(ListGraphType<>).MakeGenericType(t) : new ListGraphType((IGraphType)inner), value.Nullable);
        }

        if (value.Record is { } record)
        {
            return Wrap(record.GraphType, value.Nullable);
        }

        return Wrap(value.GlobalIdType is not null ? typeof(IdGraphType) : ClrGraphTypes.NamedGraphType(value.ClrType), value.Nullable);
    }

    private static object Wrap(object graphType, bool nullable) => (nullable, graphType) switch
    {
        (true, _) => graphType,
        (false, Type type) => typeof(NonNullGraphType<>).MakeGenericType(type),
        _ => new NonNullGraphType((IGraphType)graphType),
    };
}
