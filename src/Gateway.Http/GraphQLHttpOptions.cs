namespace Gateway.Http;

/// <summary>
/// Options of the GraphQL-over-HTTP transport. Bound from the <c>GraphQL:Http</c> configuration section
/// by <c>AddGraphQLHttp</c>; the delegate passed to <c>AddGraphQLHttp</c> runs after the binding and wins.
/// </summary>
public sealed class GraphQLHttpOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:Http";

    /// <summary>The path of the GraphQL endpoint, relative to the application's path base. Default <c>/graphql</c>.</summary>
    public string Path { get; set; } = "/graphql";

    /// <summary>
    /// The largest request body, in bytes, the transport reads; a larger one is answered with
    /// <c>413 Payload Too Large</c> and a GraphQL error. Default 1 MiB.
    /// </summary>
    public long MaxRequestBodySize { get; set; } = 1024 * 1024;

    /// <summary>Whether a <c>POST</c> body holding a JSON array of requests is executed as a batch. Default <see langword="true"/>.</summary>
    public bool EnableBatching { get; set; } = true;

    /// <summary>The most operations one batch may hold; a larger batch is rejected as a whole with <c>400</c>. Default 10.</summary>
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>
    /// How many parsed and validated documents are kept, keyed by the SHA-256 hash of the query text,
    /// least recently used first out. <c>0</c> disables the cache: every request is parsed and validated. Default 1000.
    /// </summary>
    public int DocumentCacheSize { get; set; } = 1000;

    /// <summary>Whether a browser <c>GET</c> of the endpoint gets the Banana Cake Pop IDE. Default <see langword="true"/>.</summary>
    public bool EnableIde { get; set; } = true;

    /// <summary>
    /// Whether <c>GET {Path}?sdl</c> answers the schema as SDL: by default (<see langword="null"/>) wherever introspection
    /// is on, since the SDL is what introspection reveals; <see langword="true"/> publishes it regardless (a service
    /// whose gateway reads its schema), <see langword="false"/> never.
    /// </summary>
    public bool? EnableSdl { get; set; }

    /// <summary>
    /// Whether unexpected errors carry the exception's message and stack trace in their <c>extensions</c>.
    /// Defaults to <see langword="true"/> in the Development environment only.
    /// </summary>
    public bool ExposeExceptionDetails { get; set; }
}
