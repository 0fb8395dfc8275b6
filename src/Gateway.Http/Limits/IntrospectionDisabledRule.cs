using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Limits;

/// <summary>
/// Refuses <c>__schema</c> and <c>__type</c> where introspection is off (outside Development unless
/// <c>GraphQL:Introspection:Enabled</c>); <c>__typename</c> stays, clients need it. The message says how to turn it
/// on, so an IDE pointed at the server shows the reason instead of an empty schema.
/// </summary>
internal sealed class IntrospectionDisabledRule : ValidationRuleBase
{
    public const string Code = "INTROSPECTION_DISABLED";

    public static readonly IntrospectionDisabledRule Instance = new();

    private static readonly MatchingNodeVisitor<GraphQLField> Visitor = new((field, context) =>
    {
        if (field.Name.Value == "__schema" || field.Name.Value == "__type")
        {
            context.ReportError(new LimitError(
                Code,
                "Introspection is disabled on this server. Set GraphQL:Introspection:Enabled to true to allow it (it is on in Development)."));
        }
    });

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context) => new(Visitor);
}
