using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// After the document cache (a cached document was checked when it was first parsed): parses the query within the
/// parser limits and measures its shape (<see cref="DocumentLimits"/>), handing GraphQL.NET the parsed document; then
/// sets the execution timeout for queries and mutations. GraphQL.NET cancels the operation's token when it expires
/// (resolvers pass it to EF Core, so their commands stop too) and answers with code <c>TIMEOUT</c>; the token is
/// linked to the client's, so a disconnect cancels as well.
/// </summary>
internal sealed class DocumentGuard : IConfigureExecution
{
    private readonly IOptions<GraphQLLimitsOptions> _limits;
    private readonly IOptions<GraphQLExecutionLimitsOptions> _execution;
    private readonly IDocumentBuilder _builder;

    public DocumentGuard(IOptions<GraphQLLimitsOptions> limits, IOptions<GraphQLExecutionLimitsOptions> execution, IDocumentBuilder builder)
    {
        _limits = limits;
        _execution = execution;
        _builder = builder;

        // GraphQL.NET's parser takes the depth limit itself; a host's own builder keeps its own.
        if (builder is GraphQLDocumentBuilder graphQLBuilder)
        {
            graphQLBuilder.MaxDepth = limits.Value.MaxParserDepth;
        }
    }

    public float SortOrder => 250;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is not null)
        {
            var (document, error) = DocumentLimits.Parse(options.Query, _limits.Value, _builder);
            if (error is not null)
            {
                return Task.FromResult(OperationGuard.Refuse(error));
            }

            options.Document = document;
        }

        var timeout = _execution.Value.Timeout;
        if (timeout > TimeSpan.Zero && options.Document is { } parsed && !IsSubscription(parsed, options.OperationName))
        {
            options.Timeout = timeout;
        }

        return next(options);
    }

    private static bool IsSubscription(GraphQLDocument document, string? operationName)
    {
        foreach (var definition in document.Definitions)
        {
            if (definition is GraphQLOperationDefinition operation
                && (string.IsNullOrEmpty(operationName) || operation.Name?.StringValue == operationName))
            {
                return operation.Operation == OperationType.Subscription;
            }
        }

        return false;
    }
}
