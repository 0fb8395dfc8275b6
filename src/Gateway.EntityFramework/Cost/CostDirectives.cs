using GraphQL.Types;
using GraphQLParser.AST;

namespace Gateway.EntityFramework.Cost;

/// <summary>
/// The directives of IBM's GraphQL cost specification (https://ibm.github.io/graphql-specs/cost-spec.html), as
/// Hot Chocolate declares them: <c>@cost(weight:)</c> and <c>@listSize(...)</c>. The engine declares them so that its
/// schema prints what a cost analyzer (the transport's, or any other reading the SDL) needs; it registers them only
/// when the schema does not have them yet, so a host may bring its own identical definitions.
/// </summary>
public static class CostDirectives
{
    /// <summary>Name of <c>@cost</c>.</summary>
    public const string Cost = "cost";

    /// <summary>Name of <c>@listSize</c>.</summary>
    public const string ListSize = "listSize";

    /// <summary>Adds <c>@cost</c> and <c>@listSize</c> to <paramref name="schema"/> unless it already has them.</summary>
    public static void Register(ISchema schema)
    {
        if (schema.Directives.Find(Cost) is null)
        {
            schema.Directives.Register(new CostDirective());
        }

        if (schema.Directives.Find(ListSize) is null)
        {
            schema.Directives.Register(new ListSizeDirective());
        }
    }

    private sealed class CostDirective : Directive
    {
        public CostDirective()
            : base(Cost, DirectiveLocation.FieldDefinition, DirectiveLocation.Object, DirectiveLocation.Scalar,
                DirectiveLocation.Enum, DirectiveLocation.ArgumentDefinition, DirectiveLocation.InputFieldDefinition)
        {
            Description = "The weight of a field, argument or type in the cost analysis of an operation (IBM cost spec).";
            Arguments = new QueryArguments(new QueryArgument<NonNullGraphType<StringGraphType>> { Name = "weight" });
        }
    }

    private sealed class ListSizeDirective : Directive
    {
        public ListSizeDirective()
            : base(ListSize, DirectiveLocation.FieldDefinition)
        {
            Description = "The size of a list field for the cost analysis: an assumed size, or the arguments that slice it (IBM cost spec).";
            Arguments = new QueryArguments(
                new QueryArgument<IntGraphType> { Name = "assumedSize" },
                new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "slicingArguments" },
                new QueryArgument<IntGraphType> { Name = "slicingArgumentDefaultValue" },
                new QueryArgument<ListGraphType<NonNullGraphType<StringGraphType>>> { Name = "sizedFields" },
                new QueryArgument<BooleanGraphType> { Name = "requireOneSlicingArgument", DefaultValue = true });
        }
    }
}
