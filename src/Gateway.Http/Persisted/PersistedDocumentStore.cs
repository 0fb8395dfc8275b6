using Gateway.Http.Execution;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Persisted;

/// <summary>
/// Where persisted documents come from: the manifest first, then (unless trusted documents mode is on) the bounded
/// store of documents clients registered through APQ. GraphQL.NET's <see cref="PersistedDocumentHandler"/> loads
/// <c>documentId</c>s through it as its <see cref="IPersistedDocumentLoader"/>.
/// </summary>
internal sealed class PersistedDocumentStore : IPersistedDocumentLoader
{
    private readonly LruCache<string, string>? _registered;

    public PersistedDocumentStore(IOptions<PersistedOperationOptions> options)
    {
        var value = options.Value;
        Manifest = value.ManifestPath is { } path ? PersistedOperationManifest.Load(ResolvePath(path)) : PersistedOperationManifest.Empty;
        TrustedOnly = value.OnlyAllowPersisted;
        AutomaticPersistedQueries = value.EnableAutomaticPersistedQueries;
        _registered = value.EnableAutomaticPersistedQueries && !value.OnlyAllowPersisted
            ? new LruCache<string, string>(value.AutomaticPersistedQueryCacheSize)
            : null;
    }

    public PersistedOperationManifest Manifest { get; }

    public bool TrustedOnly { get; }

    public bool AutomaticPersistedQueries { get; }

    internal int RegisteredCount => _registered?.Count ?? 0;

    /// <summary>A relative manifest path is relative to the application's base directory, where the build copies it.</summary>
    public static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    /// <summary>Finds a document by its SHA-256 hash (lowercase hex).</summary>
    public string? Find(string hash) =>
        Manifest.TryGet(hash, out var text) ? text
        : _registered is not null && _registered.TryGet(hash, out text) ? text
        : null;

    /// <summary>Remembers an APQ document whose hash the caller has verified.</summary>
    public void Register(string hash, string text) => _registered?.Set(hash, text);

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> (the GraphQL-over-HTTP form) and a bare <c>&lt;hex&gt;</c> (Relay's and Hot Chocolate's
    /// <c>id</c>) name the same document.
    /// </summary>
    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(documentIdPrefix is null or "sha256" && Sha256Hex.IsValid(documentIdPayload) ? Find(documentIdPayload) : null);
}
