namespace Gateway.Http;

/// <summary>Rate limiting by operation cost. Bound from <c>GraphQL:RateLimit</c>.</summary>
public sealed class GraphQLRateLimitOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:RateLimit";

    /// <summary>
    /// Points each client (the token's subject, else the remote address) gets per minute; an operation takes its
    /// field cost. 0 (the default) turns rate limiting off.
    /// </summary>
    public int PointsPerMinute { get; set; }
}
