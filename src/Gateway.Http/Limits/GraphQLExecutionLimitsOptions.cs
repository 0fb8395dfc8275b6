namespace Gateway.Http;

/// <summary>Limits of a running operation. Bound from <c>GraphQL:Execution</c>.</summary>
public sealed class GraphQLExecutionLimitsOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Execution";

    /// <summary>
    /// How long a query or mutation may run before it is cancelled, its database commands with it, and answered
    /// with code <c>TIMEOUT</c>. Subscriptions are exempt (they live as long as the client wants). Default 10 s;
    /// <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> or zero turns it off.
    /// </summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}
