namespace Gateway.Http;

/// <summary>
/// Cost analysis (IBM's cost directive spec as Hot Chocolate applies it). Bound from <c>GraphQL:Cost</c>.
/// </summary>
public sealed class GraphQLCostOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Cost";

    /// <summary>Whether operations over a budget are refused. Default <see langword="true"/>; the cost is computed either way.</summary>
    public bool Enforce { get; set; } = true;

    /// <summary>Largest field cost (work: weights, multiplied by list sizes) of a request. Default 1,000.</summary>
    public double MaxFieldCost { get; set; } = 1_000;

    /// <summary>Largest type cost (objects the response may hold) of a request. Default 10,000.</summary>
    public double MaxTypeCost { get; set; } = 10_000;

    /// <summary>
    /// A role whose members (back-office tools, exports signed in with it) get <see cref="TrustedMaxFieldCost"/> and
    /// <see cref="TrustedMaxTypeCost"/> instead: they page through whole tables, which a storefront never does. Default
    /// none. Rate limiting still applies to them.
    /// </summary>
    public string? TrustedRole { get; set; }

    /// <summary>Field cost budget of <see cref="TrustedRole"/>'s members. Default 100,000.</summary>
    public double TrustedMaxFieldCost { get; set; } = 100_000;

    /// <summary>Type cost budget of <see cref="TrustedRole"/>'s members. Default 1,000,000.</summary>
    public double TrustedMaxTypeCost { get; set; } = 1_000_000;

    /// <summary>Size assumed for a list field the schema gives no <c>@listSize</c>. Default 10.</summary>
    public int DefaultAssumedListSize { get; set; } = 10;
}
