using System.Linq.Expressions;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// Base of <see cref="EntityType{T}"/> and <see cref="EmbeddedType{T}"/>: an object type whose fields are
/// expressions over <typeparamref name="T"/>, compiled by the engine into one projection. Its declaration methods
/// are <see cref="EntityTypeBase{T}"/>'s.
/// </summary>
/// <typeparam name="T">The entity the field expressions read from.</typeparam>
public abstract class EntityObjectType<T> : EntityTypeBase<T>, IEntityObjectType, IEntityMarker
    where T : class
{
    /// <summary>Creates the type, named after <typeparamref name="T"/> until the constructor sets <c>Name</c>.</summary>
    protected EntityObjectType()
    {
        Name = typeof(T).Name;
        IsTypeOf = source => source is EntityRow row && ReferenceEquals(row.GraphType, this);
    }

    Type IEntityObjectType.ClrType => typeof(T);

    List<EntityFieldDefinition> IEntityObjectType.Definitions => Declarations.Fields;

    bool IEntityObjectType.IsEntity => IsEntity;

    EntityFieldDefinition? IEntityObjectType.IdField => Declarations.Fields.FirstOrDefault(f => f.Kind == EntityFieldKind.Id);

    Func<System.Security.Claims.ClaimsPrincipal?, LambdaExpression?>? IEntityObjectType.RowRule => RowRuleFactory;

    LambdaExpression? IEntityObjectType.AuthorizationResource => AuthorizationResourceExpression ?? IdExpression;

    private protected abstract bool IsEntity { get; }

    private protected Func<System.Security.Claims.ClaimsPrincipal?, LambdaExpression?>? RowRuleFactory { get; set; }

    private protected LambdaExpression? AuthorizationResourceExpression { get; set; }

    private LambdaExpression? IdExpression => Declarations.Fields.FirstOrDefault(f => f.Kind == EntityFieldKind.Id)?.Expression;
}
