namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Marks an input or error property as the key of a node type: the client sends and receives it as a Relay global id
/// (<c>ID</c>), and a malformed id or one of another type is a <c>ValidationError</c> on that field.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public class GlobalIdAttribute : Attribute
{
    /// <summary>The key of the node type named <paramref name="typeName"/> (for code that must not reference the entity's CLR type).</summary>
    public GlobalIdAttribute(string typeName)
    {
        ArgumentException.ThrowIfNullOrEmpty(typeName);
        TypeName = typeName;
    }

    private protected GlobalIdAttribute(Type entityClrType) => EntityClrType = entityClrType;

    /// <summary>The node type's GraphQL name, when given by name.</summary>
    public string? TypeName { get; }

    /// <summary>The entity whose registered type names the id, when given by type.</summary>
    public Type? EntityClrType { get; }
}

/// <summary>Marks a property as the key of <typeparamref name="TEntity"/>'s node type (see <see cref="GlobalIdAttribute"/>).</summary>
/// <typeparam name="TEntity">An entity with a registered entity type that declares an id.</typeparam>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class GlobalIdAttribute<TEntity>() : GlobalIdAttribute(typeof(TEntity))
    where TEntity : class;
