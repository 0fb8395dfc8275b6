using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using Gateway.Http.Cost;
using GraphQL;
using GraphQL.DI;
using GraphQL.Telemetry;

namespace Gateway.Http.Telemetry;

/// <summary>
/// Telemetry of GraphQL operations, for HTTP and WebSocket alike (both run through the document executer):
/// GraphQL.NET's own span per operation (<see cref="GraphQLTelemetryProvider"/>, source <c>GraphQL</c>) enriched
/// with what an operator needs to find a slow or failing screen (the document's id or hash, its cost, the error codes),
/// and the operation metrics of <see cref="GraphQLOperationMetrics"/>.
/// </summary>
public static class GraphQLOperationTelemetry
{
    /// <summary>The <see cref="ActivitySource"/> name of the operation spans (GraphQL.NET's).</summary>
    public static string ActivitySourceName => GraphQLTelemetryProvider.SourceName;

    /// <summary>Tag: the persisted document id, else <c>sha256:</c> and the hex SHA-256 of the document text.</summary>
    public const string DocumentIdTag = "graphql.document.id";

    /// <summary>Tag: the operation's field cost, as the cost analysis computed it.</summary>
    public const string FieldCostTag = "graphql.operation.cost.field";

    /// <summary>Tag: the operation's type cost.</summary>
    public const string TypeCostTag = "graphql.operation.cost.type";

    /// <summary>Tag: the distinct error codes of the result, comma separated.</summary>
    public const string ErrorCodesTag = "graphql.error.codes";

    /// <summary>Adds the operation span and metrics to the GraphQL builder.</summary>
    public static IGraphQLBuilder UseOperationTelemetry(this IGraphQLBuilder builder)
    {
        builder.UseTelemetry(options =>
        {
            options.EnrichWithExecutionOptions = (activity, execution) => activity.SetTag(DocumentIdTag, DocumentId(execution));
            options.EnrichWithExecutionResult = (activity, execution, result) =>
            {
                if (OperationCostState.From(execution.UserContext)?.Cost is { } cost)
                {
                    activity.SetTag(FieldCostTag, cost.FieldCost);
                    activity.SetTag(TypeCostTag, cost.TypeCost);
                }

                if (ErrorCodes(result) is { Length: > 0 } codes)
                {
                    activity.SetTag(ErrorCodesTag, codes);
                    activity.SetStatus(ActivityStatusCode.Error);
                }
            };
        });
        builder.ConfigureExecution<GraphQLOperationMetrics>();
        return builder;
    }

    /// <summary>The id a client sent for a persisted document, else the hash of the text it sent.</summary>
    internal static string? DocumentId(ExecutionOptions options)
    {
        if (options.DocumentId is { Length: > 0 } id)
        {
            return id;
        }

        return options.Query is { } query
            ? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(query)))
            : null;
    }

    internal static string ErrorCodes(ExecutionResult result) =>
        result.Errors is { Count: > 0 } errors
            ? string.Join(',', errors.Select(e => e.Code ?? "UNKNOWN").Distinct())
            : "";
}
