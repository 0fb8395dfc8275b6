using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Execution;

/// <summary>A validation context for a request's options, as GraphQL.NET's validator makes it.</summary>
internal static class ValidationContexts
{
    public static ValidationContext For(in ValidationOptions options, GraphQLOperationDefinition operation) => new()
    {
        Schema = options.Schema,
        Document = options.Document,
        Operation = operation,
        TypeInfo = new TypeInfo(options.Schema),
        UserContext = options.UserContext,
        Variables = options.Variables,
        Extensions = options.Extensions,
        Metrics = options.Metrics,
        RequestServices = options.RequestServices,
        User = options.User,
        CancellationToken = options.CancellationToken,
    };
}
