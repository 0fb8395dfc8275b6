using System.Runtime.CompilerServices;
using GraphQL;
using GraphQL.Types;

namespace Gateway.Http.Cost;

/// <summary>
/// What the schema says about one field's cost: its <c>@cost(weight:)</c> and <c>@listSize(...)</c>, read once per
/// field definition. The analyzer reads the printed directives (by their spec names) rather than private metadata,
/// so whatever declares them (the query engine, a hand-written type) is counted the same way.
/// </summary>
internal sealed class FieldCostInfo
{
    private static readonly ConditionalWeakTable<FieldType, FieldCostInfo> Cache = new();

    private FieldCostInfo(FieldType field)
    {
        var named = field.ResolvedType?.GetNamedType();
        IsLeaf = named is ScalarGraphType;
        IsList = Unwrap(field.ResolvedType) is ListGraphType;
        IsIntrospection = field.Name.StartsWith("__", StringComparison.Ordinal)
            || named?.Name.StartsWith("__", StringComparison.Ordinal) == true;

        if (field.FindAppliedDirective("cost")?.FindArgument("weight")?.Value is { } weight
            && double.TryParse(weight.ToString(), System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var parsed))
        {
            Weight = parsed;
        }

        if (field.FindAppliedDirective("listSize") is { } listSize)
        {
            HasListSize = true;
            AssumedSize = listSize.FindArgument("assumedSize")?.Value as int?;
            SlicingArguments = Strings(listSize.FindArgument("slicingArguments")?.Value);
            SlicingArgumentDefaultValue = listSize.FindArgument("slicingArgumentDefaultValue")?.Value as int?;
            SizedFields = Strings(listSize.FindArgument("sizedFields")?.Value);
        }
    }

    public static FieldCostInfo For(FieldType field) => Cache.GetValue(field, static f => new FieldCostInfo(f));

    /// <summary>A scalar or enum: no selection below it.</summary>
    public bool IsLeaf { get; }

    public bool IsList { get; }

    /// <summary>A meta field (<c>__schema</c>, <c>__type</c>, <c>__typename</c>) or a field of an introspection type.</summary>
    public bool IsIntrospection { get; }

    /// <summary><c>@cost(weight:)</c>, or null for the default (0 for a leaf, 1 for an object, Hot Chocolate's defaults).</summary>
    public double? Weight { get; }

    public bool HasListSize { get; }

    public int? AssumedSize { get; }

    public IReadOnlyList<string> SlicingArguments { get; } = [];

    public int? SlicingArgumentDefaultValue { get; }

    /// <summary>Children that carry the list's size (a connection's <c>edges</c> and <c>nodes</c>); empty: the field itself.</summary>
    public IReadOnlyList<string> SizedFields { get; } = [];

    private static IGraphType? Unwrap(IGraphType? type) => type is NonNullGraphType nonNull ? nonNull.ResolvedType : type;

    private static IReadOnlyList<string> Strings(object? value) => value switch
    {
        IEnumerable<string> strings => strings.ToArray(),
        System.Collections.IEnumerable items => items.Cast<object?>().Select(item => item?.ToString()).OfType<string>().ToArray(),
        _ => [],
    };
}
