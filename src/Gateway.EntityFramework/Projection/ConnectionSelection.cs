using GraphQL;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gateway.EntityFramework.Projection;

/// <summary>What a connection's selection asks for: its total count, and the node selections of <c>nodes</c> and <c>edges.node</c> merged.</summary>
internal sealed record ConnectionSelection(bool TotalCount, List<GraphQLSelectionSet> NodeSelections)
{
    public static ConnectionSelection Analyze(IResolveFieldContext context, IGraphType connectionType, IEnumerable<GraphQLSelectionSet> selectionSets)
    {
        var connection = (IComplexGraphType)connectionType.GetNamedType();
        var totalCount = false;
        var nodes = new List<GraphQLSelectionSet>();
        foreach (var field in SelectionCollector.Collect(context, connection, selectionSets))
        {
            switch (field.Definition.Name)
            {
                case "totalCount":
                    totalCount = true;
                    break;
                case "nodes":
                    nodes.AddRange(field.SelectionSets);
                    break;
                case "edges":
                    var edge = (IComplexGraphType)field.Definition.ResolvedType!.GetNamedType();
                    nodes.AddRange(SelectionCollector.Collect(context, edge, field.SelectionSets)
                        .Where(f => f.Definition.Name == "node").SelectMany(f => f.SelectionSets));
                    break;
            }
        }

        return new ConnectionSelection(totalCount, nodes);
    }
}
