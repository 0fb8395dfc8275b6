using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Cost;

/// <summary>
/// Attaches <c>@cost</c> and <c>@listSize</c> to the fields the engine builds, so that no field needs them by hand:
/// root fields start a query (weight 10, Hot Chocolate's weight of a resolver that does I/O), connections are sliced
/// by <c>first</c>/<c>last</c> with <c>edges</c>/<c>nodes</c> as the sized fields, and plain lists are sliced by an
/// integer <c>first</c> argument when they have one, else counted at an assumed size. Mutation root fields weigh 10 too
/// (Hot Chocolate's default for a mutation: it writes, in a transaction of its own).
/// </summary>
internal static class FieldCosts
{
    /// <summary>Weight of a field whose resolver runs its own database statement.</summary>
    public const string QueryWeight = "10";

    /// <summary>Weight of a mutation root field.</summary>
    public const string MutationWeight = "10";

    public static void Query(FieldType field) =>
        field.ApplyDirective(CostDirectives.Cost, "weight", QueryWeight);

    public static void Mutation(FieldType field) =>
        field.ApplyDirective(CostDirectives.Cost, "weight", MutationWeight);

    public static void Connection(FieldType field, EntityFrameworkOptions options) =>
        field.ApplyDirective(CostDirectives.ListSize, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = options.MaxPageSize });
            directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = new[] { "first", "last" } });
            directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = options.DefaultPageSize });
            directive.AddArgument(new DirectiveArgument("sizedFields") { Value = new[] { "edges", "nodes" } });
            directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
        });

    /// <summary>A plain list: sliced by its own integer <c>first</c> argument (e.g. <c>related(first:)</c>) if it has one.</summary>
    public static void List(FieldType field, int assumedSize)
    {
        var first = field.Arguments?.Find("first");
        field.ApplyDirective(CostDirectives.ListSize, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = assumedSize });
            if (first is { Type: { } type } && type == typeof(IntGraphType))
            {
                directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = new[] { "first" } });
                if (first.DefaultValue is int defaultValue)
                {
                    directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = defaultValue });
                }

                directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
            }
        });
    }
}
