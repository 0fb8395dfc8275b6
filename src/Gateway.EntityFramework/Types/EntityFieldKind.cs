namespace Gateway.EntityFramework.Types;

/// <summary>What an entity field compiles to.</summary>
internal enum EntityFieldKind
{
    /// <summary>A scalar expression (column or computed).</summary>
    Scalar,

    /// <summary>The Relay global id.</summary>
    Id,

    /// <summary>A related entity (to-one navigation).</summary>
    Reference,

    /// <summary>A plain list of related entities with where/order.</summary>
    List,

    /// <summary>A cursor connection of related entities.</summary>
    Connection,

    /// <summary>An object whose fields are expressions over the same entity.</summary>
    Embedded,

    /// <summary>Resolved outside the store from a projected key.</summary>
    Resolved,
}
