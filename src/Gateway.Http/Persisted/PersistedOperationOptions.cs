namespace Gateway.Http;

/// <summary>
/// Options of persisted operations: a manifest of known documents, Apollo's automatic persisted queries (APQ) and
/// the trusted documents mode. Bound from the <c>GraphQL:PersistedOperations</c> configuration section by
/// <c>AddGraphQLPersistedOperations</c>; the delegate passed to it runs after the binding and wins.
/// </summary>
public sealed class PersistedOperationOptions
{
    /// <summary>The configuration section the options are bound from.</summary>
    public const string ConfigurationSection = "GraphQL:PersistedOperations";

    /// <summary>
    /// A JSON file mapping the SHA-256 hash of each document's text (64 lowercase hex digits) to that text. A relative
    /// path is relative to the application's base directory (where the build copies the file). <see langword="null"/>:
    /// no manifest, only APQ.
    /// </summary>
    public string? ManifestPath { get; set; }

    /// <summary>
    /// Trusted documents mode: only the manifest's documents run (by id, by APQ hash, or as their exact text); any other
    /// document is refused with <c>PERSISTED_OPERATION_ONLY</c> and APQ registers nothing. Default <see langword="false"/>.
    /// </summary>
    public bool OnlyAllowPersisted { get; set; }

    /// <summary>Whether Apollo's automatic persisted queries protocol is served. Default <see langword="true"/>.</summary>
    public bool EnableAutomaticPersistedQueries { get; set; } = true;

    /// <summary>
    /// How many documents registered through APQ are kept, least recently used first out; a dropped one is simply
    /// registered again by the client's next retry. Default 1000.
    /// </summary>
    public int AutomaticPersistedQueryCacheSize { get; set; } = 1000;
}
