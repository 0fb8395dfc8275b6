using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Paging;

/// <summary>Builds the Hot Chocolate-shaped <c>XConnection</c>/<c>XEdge</c> types.</summary>
internal static class ConnectionTypes
{
    public static ObjectGraphType Create(string prefix, IObjectGraphType nodeType, PageInfoType pageInfo)
    {
        var edge = new ObjectGraphType { Name = prefix + "Edge", Description = "An edge in a connection." };
        edge.AddField(new FieldType
        {
            Name = "cursor",
            Type = typeof(NonNullGraphType<StringGraphType>),
            Resolver = Resolve(ctx => ((EdgeResult)ctx.Source!).Cursor),
        });
        edge.AddField(new FieldType
        {
            Name = "node",
            ResolvedType = new NonNullGraphType(nodeType),
            Resolver = Resolve(ctx => ((EdgeResult)ctx.Source!).Node),
        });

        var connection = new ObjectGraphType { Name = prefix + "Connection", Description = "A connection to a list of items." };
        connection.AddField(new FieldType
        {
            Name = "pageInfo",
            ResolvedType = new NonNullGraphType(pageInfo),
            Resolver = Resolve(ctx => ((ConnectionResult)ctx.Source!).PageInfo),
        });
        connection.AddField(new FieldType
        {
            Name = "edges",
            ResolvedType = new ListGraphType(new NonNullGraphType(edge)),
            Resolver = Resolve(ctx => ((ConnectionResult)ctx.Source!).Edges),
        });
        connection.AddField(new FieldType
        {
            Name = "nodes",
            ResolvedType = new ListGraphType(new NonNullGraphType(nodeType)),
            Resolver = Resolve(ctx => ((ConnectionResult)ctx.Source!).Edges.Select(e => e.Node)),
        });
        connection.AddField(new FieldType
        {
            Name = "totalCount",
            Description = "Identifies the total count of items in the connection.",
            Type = typeof(NonNullGraphType<IntGraphType>),
            Resolver = Resolve(ctx => ((ConnectionResult)ctx.Source!).TotalCount
                ?? throw new InvalidOperationException("totalCount was selected but not projected.")),
        });
        return connection;
    }

    private static GraphQL.Resolvers.FuncFieldResolver<object?> Resolve(Func<IResolveFieldContext, object?> resolve) => new(resolve);
}
