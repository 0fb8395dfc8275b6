using Microsoft.Extensions.Options;

namespace Gateway.Http.Limits;

/// <summary>
/// Refuses settings that would silently switch a protection off (a zero limit, a negative budget) when the options are
/// first read, instead of letting every request through or refusing all of them.
/// </summary>
internal sealed class LimitsOptionsValidation :
    IValidateOptions<GraphQLLimitsOptions>, IValidateOptions<GraphQLCostOptions>, IValidateOptions<GraphQLRateLimitOptions>
{
    public ValidateOptionsResult Validate(string? name, GraphQLLimitsOptions options) => Positive(
        GraphQLLimitsOptions.ConfigurationSection,
        (nameof(options.MaxTokens), options.MaxTokens),
        (nameof(options.MaxParserDepth), options.MaxParserDepth),
        (nameof(options.MaxFields), options.MaxFields),
        (nameof(options.MaxAliases), options.MaxAliases + 1),
        (nameof(options.MaxFieldRepeats), options.MaxFieldRepeats),
        (nameof(options.MaxFragmentSpreads), options.MaxFragmentSpreads + 1),
        (nameof(options.MaxExecutionDepth), options.MaxExecutionDepth + 1),
        (nameof(options.MaxErrors), options.MaxErrors),
        (nameof(options.MaxOperationNameLength), options.MaxOperationNameLength));

    public ValidateOptionsResult Validate(string? name, GraphQLCostOptions options) => Positive(
        GraphQLCostOptions.ConfigurationSection,
        (nameof(options.MaxFieldCost), options.MaxFieldCost),
        (nameof(options.MaxTypeCost), options.MaxTypeCost),
        (nameof(options.TrustedMaxFieldCost), options.TrustedMaxFieldCost),
        (nameof(options.TrustedMaxTypeCost), options.TrustedMaxTypeCost),
        (nameof(options.DefaultAssumedListSize), options.DefaultAssumedListSize + 1));

    public ValidateOptionsResult Validate(string? name, GraphQLRateLimitOptions options) => Positive(
        GraphQLRateLimitOptions.ConfigurationSection,
        (nameof(options.PointsPerMinute), options.PointsPerMinute + 1));

    /// <summary>Each value must be above zero (callers add one where zero is a meaningful setting).</summary>
    private static ValidateOptionsResult Positive(string section, params (string Name, double Value)[] values)
    {
        var failures = values.Where(v => v.Value <= 0).Select(v => $"{section}:{v.Name} is out of range.").ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
