namespace Gateway.Http;

/// <summary>
/// <c>Cache-Control</c> of responses. Bound from the <c>GraphQL:CacheControl</c> configuration section by
/// <c>AddGraphQLCacheHeaders</c>.
/// </summary>
public sealed class GraphQLCacheControlOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:CacheControl";

    /// <summary>
    /// How long browsers and shared caches (a CDN) may keep the answer to a <c>GET</c> of a persisted operation
    /// (by <c>documentId</c>, <c>id</c> or APQ hash) sent without a token that ran without errors: the URL names
    /// exactly the document and its variables, and nothing in it is private. 0 (the default) sends no such header.
    /// </summary>
    public int PersistedQueryMaxAgeSeconds { get; set; }
}
