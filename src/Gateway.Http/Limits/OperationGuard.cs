using Gateway.Http.Cost;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Per operation, before the document cache: refuses an over-long <c>operationName</c> (it would be echoed in
/// errors), adds the cost rule to the validation rules of fresh and cached documents alike (and the introspection
/// rule, when introspection is off, to those of fresh documents), reads the <c>GraphQL-Cost</c> header, and afterwards reports the cost in
/// <c>extensions.operationCost</c> when asked. An execution step, so WebSocket operations get the same treatment.
/// </summary>
internal sealed class OperationGuard(
    IOptions<GraphQLLimitsOptions> limits,
    IOptions<GraphQLIntrospectionOptions> introspection,
    OperationCostRule costRule,
    IHttpContextAccessor http) : IConfigureExecution
{
    public const string CostHeader = "GraphQL-Cost";

    /// <summary>After GraphQL.NET's own option configurations (100), before the document cache (200).</summary>
    public float SortOrder => 150;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        var maxName = limits.Value.MaxOperationNameLength;
        if (options.OperationName?.Length > maxName)
        {
            return Refuse(new LimitError(
                "OPERATION_NAME_TOO_LONG",
                $"The operationName has {options.OperationName.Length} characters; the limit is {maxName}.",
                maxName, "length", options.OperationName.Length));
        }

        var state = new OperationCostState(OperationCostState.ParseHeader(http.HttpContext?.Request.Headers[CostHeader]));
        options.UserContext[OperationCostState.Key] = state;

        IValidationRule[] rules = introspection.Value.Enabled ? [costRule] : [IntrospectionDisabledRule.Instance, costRule];
        options.ValidationRules = [.. options.ValidationRules ?? DocumentValidator.CoreRules, .. rules];
        // A cached document passed the introspection rule when it was cached, and its verdict cannot change (the
        // setting is the server's, not the caller's): only the cost, which depends on variables and on the caller's
        // budget, is checked again. The introspection rule alone made GraphQL.NET walk every cached document with its
        // type information (about 8% of a product page's time in-process, docs/performance.md change 16).
        options.CachedDocumentValidationRules = [.. options.CachedDocumentValidationRules ?? [], costRule];

        var result = await next(options).ConfigureAwait(false);
        if (state.Mode == CostMode.None || state.Cost is not { } cost)
        {
            return result;
        }

        if (state.Mode == CostMode.Validate && result.Errors is { } errors)
        {
            var remaining = new ExecutionErrors();
            foreach (var error in errors.Where(error => error is not CostValidatedMarker))
            {
                remaining.Add(error);
            }

            result.Errors = remaining.Count == 0 ? null : remaining;
        }

        result.Extensions ??= new Dictionary<string, object?>();
        result.Extensions["operationCost"] = new Dictionary<string, object?>
        {
            ["fieldCost"] = cost.FieldCost,
            ["typeCost"] = cost.TypeCost,
        };
        return result;
    }

    internal static ExecutionResult Refuse(ExecutionError error) => new() { Errors = [error] };
}
