using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Transport;

/// <summary>
/// Rejects a mutation or subscription selected by a <c>GET</c> request, which must not change state
/// (GraphQL over HTTP, "GET"). A validation rule rather than a parse in the transport, because the executer
/// knows which operation <c>operationName</c> selects and the document may come from the cache; the transport
/// answers its error with <c>405 Method Not Allowed</c> and <c>Allow: POST</c>.
/// </summary>
internal sealed class QueriesOnlyOverGetRule : ValidationRuleBase
{
    public static readonly QueriesOnlyOverGetRule Instance = new();

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Operation.Operation != OperationType.Query)
        {
            context.ReportError(new OperationNotAllowedOverGetError(context.Document.Source, context.Operation));
        }

        return default;
    }
}

/// <summary>The error of <see cref="QueriesOnlyOverGetRule"/>, a type of its own so the transport can map it to 405.</summary>
internal sealed class OperationNotAllowedOverGetError : ValidationError
{
    public const string ErrorCode = "OPERATION_NOT_ALLOWED_OVER_GET";

    public OperationNotAllowedOverGetError(GraphQLParser.ROM source, GraphQLOperationDefinition operation)
        : base(
            source,
            number: null,
            $"Only query operations can be executed over GET; send this {operation.Operation.ToString().ToLowerInvariant()} with POST.",
            operation)
    {
        Code = ErrorCode;
    }
}
