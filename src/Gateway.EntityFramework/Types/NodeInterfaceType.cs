using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>The Relay <c>interface Node { id: ID! }</c> implemented by every entity type declared with <c>Id(...)</c>.</summary>
public sealed class NodeInterfaceType : InterfaceGraphType
{
    /// <summary>Creates the interface.</summary>
    public NodeInterfaceType()
    {
        Name = "Node";
        Description = "An object with a globally unique, opaque id.";
        Field<NonNullGraphType<IdGraphType>>("id");
        ResolveType = source => (source as EntityRow)?.GraphType;
    }
}
