using GraphQLParser.AST;

namespace Gateway.Http.Limits;

/// <summary>
/// One walk over a parsed document: fields, aliases, the largest number of same-named fields in one selection set
/// (inline fragments flattened, as field merging sees them), and, per operation, how many fragment spreads it
/// expands to with nested spreads counted at every use (memoized per fragment, so a fragment bomb is measured, not
/// expanded). Recursion is bounded by the parser's depth limit.
/// </summary>
internal sealed class DocumentShape
{
    private readonly Dictionary<string, GraphQLFragmentDefinition> _fragments = new(StringComparer.Ordinal);
    private readonly Dictionary<string, double> _expansions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _expanding = new(StringComparer.Ordinal);
    private int _fields;
    private int _aliases;
    private int _maxRepeats;

    public static LimitError? Check(GraphQLDocument document, GraphQLLimitsOptions limits)
    {
        var shape = new DocumentShape();
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLFragmentDefinition fragment)
            {
                shape._fragments.TryAdd(fragment.FragmentName.Name.StringValue, fragment);
            }
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLExecutableDefinition executable)
            {
                shape.Count(executable.SelectionSet);
            }
        }

        if (shape._fields > limits.MaxFields)
        {
            return new LimitError("MAX_FIELDS_EXCEEDED", $"The document has {shape._fields} fields; the limit is {limits.MaxFields}.", limits.MaxFields, "fields", shape._fields);
        }

        if (shape._aliases > limits.MaxAliases)
        {
            return new LimitError("MAX_ALIASES_EXCEEDED", $"The document has {shape._aliases} aliases; the limit is {limits.MaxAliases}.", limits.MaxAliases, "aliases", shape._aliases);
        }

        if (shape._maxRepeats > limits.MaxFieldRepeats)
        {
            return new LimitError(
                "MAX_FIELD_REPEATS_EXCEEDED",
                $"A selection set selects one response name {shape._maxRepeats} times; the limit is {limits.MaxFieldRepeats}.",
                limits.MaxFieldRepeats, "repeats", shape._maxRepeats);
        }

        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation)
            {
                var spreads = shape.Expansions(operation.SelectionSet, limits.MaxFragmentSpreads);
                if (spreads > limits.MaxFragmentSpreads)
                {
                    return new LimitError(
                        "MAX_FRAGMENT_SPREADS_EXCEEDED",
                        $"An operation expands to more than {limits.MaxFragmentSpreads} fragment spreads.",
                        limits.MaxFragmentSpreads);
                }
            }
        }

        return null;
    }

    private void Count(GraphQLSelectionSet selectionSet)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        CountFlattened(selectionSet, names);
        foreach (var repeats in names.Values)
        {
            _maxRepeats = Math.Max(_maxRepeats, repeats);
        }
    }

    /// <summary>Counts a selection set's fields, inline fragments merged in, and recurses into each field's own selection set.</summary>
    private void CountFlattened(GraphQLSelectionSet selectionSet, Dictionary<string, int> names)
    {
        foreach (var selection in selectionSet.Selections)
        {
            switch (selection)
            {
                case GraphQLField field:
                    _fields++;
                    if (field.Alias is not null)
                    {
                        _aliases++;
                    }

                    var name = (field.Alias?.Name ?? field.Name).StringValue;
                    names[name] = names.GetValueOrDefault(name) + 1;
                    if (field.SelectionSet is not null)
                    {
                        Count(field.SelectionSet);
                    }

                    break;
                case GraphQLInlineFragment inline:
                    CountFlattened(inline.SelectionSet, names);
                    break;
            }
        }
    }

    /// <summary>Spreads reachable from <paramref name="selectionSet"/>, each use counted; saturates just above <paramref name="max"/>.</summary>
    private double Expansions(GraphQLSelectionSet selectionSet, int max)
    {
        double total = 0;
        foreach (var selection in selectionSet.Selections)
        {
            total += selection switch
            {
                GraphQLField { SelectionSet: { } children } => Expansions(children, max),
                GraphQLInlineFragment inline => Expansions(inline.SelectionSet, max),
                GraphQLFragmentSpread spread => 1 + Expansion(spread.FragmentName.Name.StringValue, max),
                _ => 0,
            };
            if (total > max)
            {
                return total;
            }
        }

        return total;
    }

    private double Expansion(string fragmentName, int max)
    {
        if (_expansions.TryGetValue(fragmentName, out var known))
        {
            return known;
        }

        // An unknown or cyclic fragment is a validation error GraphQL.NET reports; it adds nothing here.
        if (!_fragments.TryGetValue(fragmentName, out var fragment) || !_expanding.Add(fragmentName))
        {
            return 0;
        }

        var expansion = Expansions(fragment.SelectionSet, max);
        _expanding.Remove(fragmentName);
        _expansions[fragmentName] = expansion;
        return expansion;
    }
}
