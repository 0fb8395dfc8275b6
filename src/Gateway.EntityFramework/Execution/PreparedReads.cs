using System.Collections;
using System.Collections.Concurrent;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQLParser;
using GraphQLParser.AST;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// The prepared reads of a selection (see <see cref="PreparedRead"/>), kept as long as its document. A read's tree
/// follows from the type read, the selection (a cached document's nodes are the same objects on every request, and
/// carry its literals), the values of the variables the selection uses, and the caller's row rules and policies,
/// which are the same for every caller that may share reads (<see cref="QueryScope.SharesReads"/>). So those are the
/// key; the read's keys are its slot.
/// </summary>
internal static class PreparedReads
{
    /// <summary>Variable values kept per selection: past it, other values are read the usual way.</summary>
    private const int MaxPerSelection = 64;

    private static readonly ConditionalWeakTable<ASTNode, Selection> Selections = [];

    /// <summary>
    /// The place of <paramref name="type"/>'s read of the field's selection (for reads whose keys are the slot, as a
    /// node's), or null when this request may not share it.
    /// </summary>
    public static Place? ForSelection(QueryScope scope, IEntityObjectType type) =>
        scope.Context.FieldAst.SelectionSet is { } selectionSet ? For(scope, type, selectionSet) : null;

    /// <summary>The place of the field's whole read, its arguments included (a root list or page: no slot), or null.</summary>
    public static Place? ForField(QueryScope scope, IEntityObjectType type) => For(scope, type, scope.Context.FieldAst);

    private static Place? For(QueryScope scope, IEntityObjectType type, ASTNode node)
    {
        if (!scope.SharesReads)
        {
            return null;
        }

        var selection = Selections.GetValue(node, n => new Selection(VariablesOf(scope.Context.Document, n)));
        var key = Key(scope, type, selection.Variables);
        return new Place(selection.Reads, (scope.Model, key));
    }

    /// <summary>Where a read is found and kept.</summary>
    internal sealed class Place(ConcurrentDictionary<(EntityModel, string), PreparedRead> reads, (EntityModel, string) key)
    {
        public PreparedRead? Read => reads.GetValueOrDefault(key);

        public void Keep(PreparedRead read)
        {
            if (reads.Count < MaxPerSelection)
            {
                reads.TryAdd(key, read);
            }
        }
    }

    private sealed class Selection(string[] variables)
    {
        public string[] Variables { get; } = variables;

        public ConcurrentDictionary<(EntityModel, string), PreparedRead> Reads { get; } = new();
    }

    private static string Key(QueryScope scope, IEntityObjectType type, string[] variables)
    {
        if (variables.Length == 0)
        {
            return type.Name;
        }

        var text = new StringBuilder(type.Name);
        foreach (var name in variables)
        {
            text.Append('\n').Append(name).Append('=');
            Write(text, scope.Context.Variables?.ValueFor(name));
        }

        return text.ToString();
    }

    /// <summary>A coerced variable value as text: equal texts for equal values, whatever their nesting.</summary>
    private static void Write(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\").Replace("\"", "\\\"")).Append('"');
                break;
            case IDictionary<string, object?> fields:
                text.Append('{');
                foreach (var (name, field) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
                {
                    text.Append(name).Append(':');
                    Write(text, field);
                    text.Append(',');
                }

                text.Append('}');
                break;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    Write(text, item);
                    text.Append(',');
                }

                text.Append(']');
                break;
            default:
                text.Append(value.GetType().FullName).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                break;
        }
    }

    /// <summary>The variables used anywhere under a field or selection: in arguments and directives, through fragments too.</summary>
    private static string[] VariablesOf(GraphQLDocument document, ASTNode root)
    {
        var names = new SortedSet<string>(StringComparer.Ordinal);
        var fragments = new HashSet<string>(StringComparer.Ordinal);
        Visit(root);
        return [.. names];

        void Visit(ASTNode? node)
        {
            switch (node)
            {
                case null:
                    return;
                case GraphQLVariable variable:
                    names.Add(variable.Name.StringValue);
                    return;
                case GraphQLFragmentSpread spread:
                    Visit(spread.Directives);
                    var name = spread.FragmentName.Name.StringValue;
                    if (fragments.Add(name))
                    {
                        Visit(document.FindFragmentDefinition(spread.FragmentName.Name));
                    }

                    return;
            }

            foreach (var child in Children(node))
            {
                Visit(child);
            }
        }
    }

    private static IEnumerable<ASTNode?> Children(ASTNode node) => node switch
    {
        GraphQLSelectionSet set => set.Selections,
        GraphQLField field => [field.Arguments, field.Directives, field.SelectionSet],
        GraphQLInlineFragment inline => [inline.Directives, inline.SelectionSet],
        GraphQLFragmentDefinition definition => [definition.Directives, definition.SelectionSet],
        GraphQLArguments arguments => arguments.Items,
        GraphQLArgument argument => [argument.Value],
        GraphQLDirectives directives => directives.Items,
        GraphQLDirective directive => [directive.Arguments],
        GraphQLListValue list => list.Values ?? [],
        GraphQLObjectValue obj => obj.Fields ?? [],
        GraphQLObjectField objectField => [objectField.Value],
        _ => [],
    };
}
