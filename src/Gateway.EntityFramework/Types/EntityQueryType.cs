using Gateway.EntityFramework.Cost;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Relay;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// The <c>Query</c> root type: <c>node</c>, <c>nodes</c>, and every root field declared by the registered
/// <see cref="EntityQueries{TContext}"/>. Use it as the schema's query type (or derive from it to add fields).
/// </summary>
public class EntityQueryType : ObjectGraphType
{
    /// <summary>Creates the root type from the engine registered in <paramref name="services"/>.</summary>
    public EntityQueryType(IServiceProvider services)
    {
        Name = "Query";
        var model = services.GetRequiredService<EntityModel>();
        var nodes = new NodeResolver(model);
        AddField(new FieldType
        {
            Name = "node",
            Description = "Fetches an object given its ID.",
            ResolvedType = model.Node,
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<IdGraphType>> { Name = "id", Description = "ID of the object." }),
            Resolver = new FuncFieldResolver<object?>(nodes.NodeAsync),
        }.ApplyDirective(CostDirectives.Cost, "weight", FieldCosts.QueryWeight));
        AddField(new FieldType
        {
            Name = "nodes",
            Description = "Lookup nodes by a list of IDs.",
            ResolvedType = new NonNullGraphType(new ListGraphType(model.Node)),
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>> { Name = "ids", Description = "The list of node IDs." }),
            Resolver = new FuncFieldResolver<object?>(nodes.NodesAsync),
        }.ApplyDirective(CostDirectives.Cost, "weight", FieldCosts.QueryWeight)
            .ApplyDirective(CostDirectives.ListSize, "assumedSize", model.Options.MaxNodeIds));
        foreach (var definition in model.RootFields)
        {
            AddField(RootFieldFactory.Create(model, definition));
        }
    }
}
