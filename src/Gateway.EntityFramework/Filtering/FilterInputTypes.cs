using Gateway.EntityFramework.Types;
using GraphQL.Types;

namespace Gateway.EntityFramework.Filtering;

/// <summary>
/// Builds the Hot Chocolate-shaped filter inputs: <c>XFilterInput</c> per type (only its filterable fields),
/// <c>ListFilterInputTypeOfXFilterInput</c> for related lists, and one shared operation input per scalar.
/// </summary>
internal sealed class FilterInputTypes(EntityModel model)
{
    private readonly Dictionary<string, InputObjectGraphType> _types = [];

    public IEnumerable<IGraphType> All => _types.Values;

    public InputObjectGraphType For(IEntityObjectType type)
    {
        var name = type.Name + "FilterInput";
        if (_types.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var input = new InputObjectGraphType { Name = name };
        _types[name] = input;
        var list = new ListGraphType(new NonNullGraphType(input));
        input.AddField(new FieldType { Name = "and", ResolvedType = list });
        input.AddField(new FieldType { Name = "or", ResolvedType = list });
        foreach (var field in type.Definitions.Where(f => f.Filterable))
        {
            IGraphType? fieldType = field.Kind switch
            {
                EntityFieldKind.Scalar => Operations(field.TargetClrType, FilterOperations.KindOf(field.TargetClrType)),
                EntityFieldKind.Id => Operations(typeof(string), FilterValueKind.Id),
                EntityFieldKind.Reference => For(model.EntityType(field.TargetClrType)),
                EntityFieldKind.Embedded => For(model.EmbeddedType(field.TargetClrType)),
                EntityFieldKind.List or EntityFieldKind.Connection when field.Expression is not null => ListFor(model.EntityType(field.TargetClrType)),
                _ => null,
            };
            if (fieldType is not null)
            {
                input.AddField(new FieldType { Name = field.Name, ResolvedType = fieldType, Description = field.Description });
            }
        }

        return input;
    }

    private InputObjectGraphType ListFor(IEntityObjectType type)
    {
        var element = For(type);
        var name = "ListFilterInputTypeOf" + element.Name;
        if (_types.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var input = new InputObjectGraphType { Name = name };
        _types[name] = input;
        input.AddField(new FieldType { Name = "all", ResolvedType = element });
        input.AddField(new FieldType { Name = "none", ResolvedType = element });
        input.AddField(new FieldType { Name = "some", ResolvedType = element });
        input.AddField(new FieldType { Name = "any", Type = typeof(BooleanGraphType) });
        return input;
    }

    private InputObjectGraphType Operations(Type clrType, FilterValueKind kind)
    {
        var scalar = kind == FilterValueKind.Id ? typeof(IdGraphType) : ClrGraphTypes.NamedGraphType(clrType);
        var scalarName = kind == FilterValueKind.Id ? "Id" : ClrGraphTypes.NameOf(scalar);
        var name = scalarName + "OperationFilterInput";
        if (_types.TryGetValue(name, out var existing))
        {
            return existing;
        }

        var input = new InputObjectGraphType { Name = name };
        _types[name] = input;
        var list = typeof(ListGraphType<>).MakeGenericType(scalar);
        foreach (var operation in FilterOperations.For(kind))
        {
            var isList = operation is "in" or "nin";
            input.AddField(new FieldType { Name = operation, Type = isList ? list : scalar });
        }

        return input;
    }
}
