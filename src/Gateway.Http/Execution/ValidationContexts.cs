using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Execution;

/// <summary>A validation context for a request's options, as GraphQL.NET's validator makes it.</summary>
internal static class ValidationContexts
{
    public static ValidationContext For(in ValidationOptions options, GraphQLOperationDefinition operation) =>
        WithRequest(new ValidationContext
        {
            Schema = options.Schema,
            Document = options.Document,
            Operation = operation,
            TypeInfo = new TypeInfo(options.Schema),
        }, options);

    /// <summary>The request's own values on a context: a new one, or one reused for the same schema, document and operation.</summary>
    public static ValidationContext WithRequest(ValidationContext context, in ValidationOptions options)
    {
        context.UserContext = options.UserContext;
        context.Variables = options.Variables;
        context.Extensions = options.Extensions;
        context.Metrics = options.Metrics;
        context.RequestServices = options.RequestServices;
        context.User = options.User;
        context.CancellationToken = options.CancellationToken;
        return context;
    }

    /// <summary>The values <see cref="WithRequest"/> sets, let go of, so that an idle context holds nothing of the request it served.</summary>
    public static void WithoutRequest(ValidationContext context)
    {
        context.UserContext = null!;
        context.Variables = null!;
        context.Extensions = null!;
        context.Metrics = GraphQL.Instrumentation.Metrics.None;
        context.RequestServices = null;
        context.User = null;
        context.CancellationToken = default;
    }
}
