using System.Globalization;
using Gateway.Http.Limits;
using GraphQL.Validation;
using GraphQL.Validation.Complexity;
using GraphQL.Validation.Rules.Custom;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Cost;

/// <summary>
/// Computes an operation's field cost, type cost and depth once it has validated (variables known, so
/// <c>first: $first</c> counts), and refuses it before execution when it is over a budget, too deep, recursive in
/// introspection, or over the client's rate limit. Extends GraphQL.NET's <see cref="ComplexityValidationRule"/>:
/// its visitor does the walking, <see cref="CostImpacts"/> the arithmetic. Runs on cached documents too, because
/// the cost depends on the variables; the walks' results are remembered per document and the values of the variables
/// they depend on (<see cref="CostWalkMemo{TResult}"/>), the limits are checked on every request.
/// </summary>
internal sealed class OperationCostRule : ComplexityValidationRule
{
    private readonly CostWalkMemo<FieldWalk> _fieldWalks = new();
    private readonly TypeCostCalculator _typeCost;
    private readonly GraphQLCostOptions _cost;
    private readonly GraphQLLimitsOptions _limits;
    private readonly CostRateLimiter _rateLimiter;
    private readonly IHttpContextAccessor _http;

    public OperationCostRule(
        IOptions<GraphQLCostOptions> cost,
        IOptions<GraphQLLimitsOptions> limits,
        CostRateLimiter rateLimiter,
        IHttpContextAccessor http)
        : base(new ComplexityOptions { DefaultComplexityImpactDelegate = CostImpacts.FieldCost(cost.Value.DefaultAssumedListSize) })
    {
        _cost = cost.Value;
        _limits = limits.Value;
        _rateLimiter = rateLimiter;
        _http = http;
        _typeCost = new TypeCostCalculator(cost.Value.DefaultAssumedListSize);
    }

    /// <summary>GraphQL.NET's walk, once per document and values that can change it (<see cref="CostWalkMemo{TResult}"/>).</summary>
    protected override async ValueTask<(double TotalComplexity, int MaximumDepth)> CalculateComplexityAsync(ValidationContext context)
    {
        if (OperationCostState.From(context.UserContext) is not { } state)
        {
            // No state to note a recursive introspection field on (the rule outside OperationGuard): nothing to remember.
            return await base.CalculateComplexityAsync(context).ConfigureAwait(false);
        }

        var walk = await _fieldWalks.GetOrWalkAsync(context, async context =>
        {
            var (total, depth) = await base.CalculateComplexityAsync(context).ConfigureAwait(false);
            return new FieldWalk(total, depth, state.RecursiveIntrospectionField);
        }).ConfigureAwait(false);
        // What the walk noted on the request's state, noted again when the walk was remembered.
        state.RecursiveIntrospectionField ??= walk.RecursiveIntrospectionField;
        return (walk.FieldCost, walk.MaxDepth);
    }

    protected override async ValueTask ValidateComplexityAsync(ValidationContext context, double fieldCost, int maxDepth)
    {
        // The visitor counts the root field as depth 1 and every path ends in a leaf.
        var depth = maxDepth - 1;
        if (depth > _limits.MaxExecutionDepth)
        {
            context.ReportError(new LimitError(
                "MAX_EXECUTION_DEPTH_EXCEEDED",
                $"The operation nests {depth} levels below a root field; the limit is {_limits.MaxExecutionDepth}.",
                _limits.MaxExecutionDepth, "depth", depth));
            return;
        }

        var state = OperationCostState.From(context.UserContext);
        if (state?.RecursiveIntrospectionField is { } recursive)
        {
            context.ReportError(new LimitError("INTROSPECTION_TOO_DEEP", $"Introspection may not select '{recursive}' below itself."));
            return;
        }

        var cost = new OperationCost(fieldCost, await _typeCost.CalculateAsync(context).ConfigureAwait(false));
        if (state is not null)
        {
            state.Cost = cost;
        }

        var http = _http.HttpContext;
        var budget = RequestCostBudget.For(http);
        var total = budget?.With(cost) ?? cost;
        var batch = budget is { Operations: > 0 } ? " (the batch so far included)" : "";
        var trusted = _cost.TrustedRole is { Length: > 0 } role && context.User?.IsInRole(role) == true;
        var maxFieldCost = trusted ? _cost.TrustedMaxFieldCost : _cost.MaxFieldCost;
        var maxTypeCost = trusted ? _cost.TrustedMaxTypeCost : _cost.MaxTypeCost;
        if (_cost.Enforce && total.FieldCost > maxFieldCost)
        {
            context.ReportError(new LimitError(
                "MAX_FIELD_COST_EXCEEDED",
                $"The operation's field cost{batch} is {Format(total.FieldCost)}, over the limit of {Format(maxFieldCost)}.",
                maxFieldCost, "fieldCost", total.FieldCost));
            return;
        }

        if (_cost.Enforce && total.TypeCost > maxTypeCost)
        {
            context.ReportError(new LimitError(
                "MAX_TYPE_COST_EXCEEDED",
                $"The operation's type cost{batch} is {Format(total.TypeCost)}, over the limit of {Format(maxTypeCost)}.",
                maxTypeCost, "typeCost", total.TypeCost));
            return;
        }

        budget?.Add(cost);
        if (state?.Mode == CostMode.Validate)
        {
            // Stops before execution; the execution step removes this marker and answers the cost alone.
            context.ReportError(new CostValidatedMarker());
            return;
        }

        if (_rateLimiter.Enabled
            && !_rateLimiter.TryTake(CostRateLimiter.ClientKey(context.User, http?.Connection.RemoteIpAddress), cost.FieldCost, out var retryAfter))
        {
            context.ReportError(new LimitError(
                "RATE_LIMITED",
                $"The rate limit of {_rateLimiter.PointsPerMinute} points per minute is spent; this operation costs {Format(cost.FieldCost)}. Retry after {Math.Ceiling(retryAfter.TotalSeconds)} s.",
                _rateLimiter.PointsPerMinute, "fieldCost", cost.FieldCost)
            {
                StatusCode = StatusCodes.Status429TooManyRequests,
                RetryAfter = retryAfter,
            });
        }
    }

    private static string Format(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>What the field-cost walk found: the cost, the depth, and a recursive introspection field if any.</summary>
    private sealed record FieldWalk(double FieldCost, int MaxDepth, string? RecursiveIntrospectionField);

    /// <summary>GraphQL.NET's visitor run a second time with the type-cost impacts (remembered the same way).</summary>
    private sealed class TypeCostCalculator(int defaultListSize)
        : ComplexityValidationRule(new ComplexityOptions { DefaultComplexityImpactDelegate = CostImpacts.TypeCost(defaultListSize) })
    {
        private readonly CostWalkMemo<double> _walks = new();

        public ValueTask<double> CalculateAsync(ValidationContext context) => _walks.GetOrWalkAsync(context, async context =>
            (await CalculateComplexityAsync(context).ConfigureAwait(false)).TotalComplexity);
    }
}

/// <summary>Stops a <c>GraphQL-Cost: validate</c> request after its cost is known; never reaches the client.</summary>
internal sealed class CostValidatedMarker() : ValidationError("The operation was validated and its cost computed; it was not executed.");
