using GraphQL.Types;
using GraphQLParser.AST;

namespace Gateway.EntityFramework.Projection;

/// <summary>A field of a selection set after fragments are flattened: every AST node sharing one response key.</summary>
internal sealed record CollectedField(string ResponseKey, FieldType Definition, List<GraphQLField> Nodes)
{
    public IEnumerable<GraphQLSelectionSet> SelectionSets => Nodes.Where(n => n.SelectionSet is not null).Select(n => n.SelectionSet!);
}
