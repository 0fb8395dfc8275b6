using Gateway.EntityFramework.Types;
using GraphQL.Types;

namespace Gateway.EntityFramework.Sorting;

/// <summary>Builds one <c>XSortInput</c> per entity or embedded type from its sortable fields.</summary>
internal sealed class SortInputTypes(EntityModel model)
{
    private readonly Dictionary<IEntityObjectType, InputObjectGraphType> _types = [];

    public SortEnumType Direction { get; } = new();

    public IEnumerable<IGraphType> All => _types.Values;

    public InputObjectGraphType For(IEntityObjectType type)
    {
        if (_types.TryGetValue(type, out var existing))
        {
            return existing;
        }

        var input = new InputObjectGraphType { Name = type.Name + "SortInput" };
        _types[type] = input;
        foreach (var field in type.Definitions.Where(f => f.Sortable))
        {
            IGraphType? fieldType = field.Kind switch
            {
                EntityFieldKind.Scalar or EntityFieldKind.Id => Direction,
                EntityFieldKind.Reference => For(model.EntityType(field.TargetClrType)),
                EntityFieldKind.Embedded => For(model.EmbeddedType(field.TargetClrType)),
                _ => null,
            };
            if (fieldType is not null)
            {
                input.AddField(new FieldType { Name = field.Name, ResolvedType = fieldType, Description = field.Description });
            }
        }

        return input;
    }
}
