using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Mutations;

/// <summary>Resolves a <see cref="GlobalIdAttribute"/> to the node type's name, failing at schema build rather than on a request.</summary>
internal static class GlobalIdNames
{
    public static string Resolve(EntityModel model, GlobalIdAttribute attribute, string where)
    {
        var name = attribute.EntityClrType is { } entity ? model.EntityType(entity).Name : attribute.TypeName!;
        return model.EntityTypeByName(name) is { IdField: not null }
            ? name
            : throw new InvalidOperationException($"{where} is a global id of '{name}', which is no registered entity type with an id.");
    }
}
