namespace Gateway.Http.Cost;

/// <summary>The computed cost of one operation (see <see cref="CostImpacts"/>).</summary>
public sealed record OperationCost(double FieldCost, double TypeCost);

/// <summary>What the <c>GraphQL-Cost</c> request header asks for.</summary>
internal enum CostMode
{
    /// <summary>No header: enforce budgets silently.</summary>
    None,

    /// <summary><c>report</c>: execute and add <c>extensions.operationCost</c>.</summary>
    Report,

    /// <summary><c>validate</c>: compute and report the cost without executing.</summary>
    Validate,
}

/// <summary>
/// The cost state of one operation, kept in its <c>UserContext</c> so the validation rule (which computes the cost)
/// and the execution step (which reports it) share it without a static.
/// </summary>
internal sealed class OperationCostState(CostMode mode)
{
    public const string Key = "Gateway.Http.OperationCost";

    public CostMode Mode { get; } = mode;

    public OperationCost? Cost { get; set; }

    /// <summary>An introspection list field found below itself while computing the cost.</summary>
    public string? RecursiveIntrospectionField { get; set; }

    public static OperationCostState? From(IDictionary<string, object?>? userContext) =>
        userContext is not null && userContext.TryGetValue(Key, out var state) ? state as OperationCostState : null;

    public static CostMode ParseHeader(string? value) => value?.Trim().ToLowerInvariant() switch
    {
        "report" => CostMode.Report,
        "validate" => CostMode.Validate,
        _ => CostMode.None,
    };
}
