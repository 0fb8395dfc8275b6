using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQLParser.AST;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Collects the fields a selection set requests from one object type, as GraphQL's CollectFields does:
/// fragment spreads and inline fragments whose type condition applies, <c>@skip</c>/<c>@include</c> honoured,
/// fields grouped by response key (alias or name) so aliased selections project separately.
/// </summary>
internal static class SelectionCollector
{
    public static List<CollectedField> Collect(IResolveFieldContext context, IComplexGraphType type, IEnumerable<GraphQLSelectionSet> selectionSets)
    {
        var fields = new List<CollectedField>();
        var visitedFragments = new HashSet<string>();
        foreach (var selectionSet in selectionSets)
        {
            CollectInto(context, type, selectionSet, fields, visitedFragments);
        }

        return fields;
    }

    private static void CollectInto(IResolveFieldContext context, IComplexGraphType type, GraphQLSelectionSet selectionSet,
        List<CollectedField> fields, HashSet<string> visitedFragments)
    {
        foreach (var selection in selectionSet.Selections)
        {
            if (selection is IHasDirectivesNode directed && !ShouldInclude(context, directed))
            {
                continue;
            }

            switch (selection)
            {
                case GraphQLField field:
                    Add(type, field, fields);
                    break;
                case GraphQLInlineFragment inline when Applies(context, inline.TypeCondition, type):
                    CollectInto(context, type, inline.SelectionSet, fields, visitedFragments);
                    break;
                case GraphQLFragmentSpread spread:
                    var name = spread.FragmentName.Name.StringValue;
                    var fragment = context.Document.Definitions.OfType<GraphQLFragmentDefinition>()
                        .FirstOrDefault(f => f.FragmentName.Name.StringValue == name);
                    if (fragment is not null && visitedFragments.Add(name) && Applies(context, fragment.TypeCondition, type))
                    {
                        CollectInto(context, type, fragment.SelectionSet, fields, visitedFragments);
                    }

                    break;
            }
        }
    }

    private static void Add(IComplexGraphType type, GraphQLField field, List<CollectedField> fields)
    {
        var definition = type.GetField(field.Name.Value);
        if (definition is null)
        {
            return; // meta fields such as __typename are resolved by the executor
        }

        var key = (field.Alias?.Name ?? field.Name).StringValue;
        var existing = fields.Find(f => f.ResponseKey == key);
        if (existing is null)
        {
            fields.Add(new CollectedField(key, definition, [field]));
        }
        else if (ReferenceEquals(existing.Definition, definition))
        {
            existing.Nodes.Add(field);
        }
        else
        {
            throw new ExecutionError($"Response key '{key}' names two different fields in one projected selection.") { Code = "PROJECTION_CONFLICT" };
        }
    }

    private static bool Applies(IResolveFieldContext context, GraphQLTypeCondition? condition, IComplexGraphType type)
    {
        if (condition is null)
        {
            return true;
        }

        var name = condition.Type.Name.StringValue;
        if (name == type.Name)
        {
            return true;
        }

        if (type is IObjectGraphType obj && obj.ResolvedInterfaces.Any(i => i.Name == name))
        {
            return true;
        }

        return context.Schema.AllTypes[name] is IAbstractGraphType @abstract && type is IObjectGraphType o && @abstract.PossibleTypes.Contains(o);
    }

    private static bool ShouldInclude(IResolveFieldContext context, IHasDirectivesNode node)
    {
        if (node.Directives is null || node.Directives.Count == 0)
        {
            return true;
        }

        var directives = ExecutionHelper.GetDirectives(node, context.Variables, context.Schema, context.Document);
        if (directives is null)
        {
            return true;
        }

        if (directives.TryGetValue("skip", out var skip) && skip.Arguments.TryGetValue("if", out var skipIf) && skipIf.Value is true)
        {
            return false;
        }

        return !(directives.TryGetValue("include", out var include) && include.Arguments.TryGetValue("if", out var includeIf) && includeIf.Value is false);
    }
}
