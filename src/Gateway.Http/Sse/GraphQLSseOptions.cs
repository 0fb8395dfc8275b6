namespace Gateway.Http;

/// <summary>
/// Options of GraphQL over Server-Sent Events (graphql-sse's "distinct connections" mode), served by the HTTP endpoint
/// to requests that accept <c>text/event-stream</c>. Bound from <c>GraphQL:Sse</c> by <c>AddGraphQLServerSentEvents</c>;
/// without that call the defaults apply. The defaults match the WebSocket transport's.
/// </summary>
public sealed class GraphQLSseOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Sse";

    /// <summary>
    /// How often an idle stream sends a comment line (<c>:</c>), so that proxies and load balancers keep the connection
    /// open and a vanished client is noticed. Default 15 seconds, like the WebSocket pings.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How many results may wait to be written to one stream; a client that falls this far behind has its stream ended
    /// rather than buffered without bound. Default 1024, like the WebSocket transport's pending messages.
    /// </summary>
    public int MaxPendingEvents { get; set; } = 1024;
}
