namespace Gateway.EntityFramework.Types;

/// <summary>
/// Fields another module contributes to the entity type of <typeparamref name="T"/>, declared in the
/// contributing module's folder and registered with
/// <see cref="EntityFrameworkGraphQLBuilderExtensions.AddEntityTypeExtension{TExtension}"/>.
/// </summary>
/// <typeparam name="T">The entity whose type gains the fields.</typeparam>
public abstract class EntityTypeExtension<T> : EntityTypeBase<T>, IEntityTypeExtension, IEntityMarker
    where T : class
{
    Type IEntityTypeExtension.EntityClrType => typeof(T);

    IReadOnlyList<EntityFieldDefinition> IEntityTypeExtension.Definitions => Declarations.Fields;
}
