using Gateway.Http.Execution;
using GraphQL.PersistedDocuments;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Persisted;

/// <summary>
/// Where persisted documents come from: the manifest first, then (unless trusted documents mode is on) the bounded
/// store of documents clients registered through APQ (<see cref="IAutomaticPersistedQueryStore"/>). GraphQL.NET's <see cref="PersistedDocumentHandler"/> loads
/// <c>documentId</c>s through it as its <see cref="IPersistedDocumentLoader"/>.
/// </summary>
internal sealed class PersistedDocumentStore : IPersistedDocumentLoader
{
    private readonly IAutomaticPersistedQueryStore? _registered;

    public PersistedDocumentStore(IOptions<PersistedOperationOptions> options, IAutomaticPersistedQueryStore registered)
    {
        var value = options.Value;
        Manifest = value.ManifestPath is { } path ? PersistedOperationManifest.Load(ResolvePath(path)) : PersistedOperationManifest.Empty;
        TrustedOnly = value.OnlyAllowPersisted;
        AutomaticPersistedQueries = value.EnableAutomaticPersistedQueries;
        _registered = value.EnableAutomaticPersistedQueries && !value.OnlyAllowPersisted ? registered : null;
    }

    public PersistedOperationManifest Manifest { get; }

    public bool TrustedOnly { get; }

    public bool AutomaticPersistedQueries { get; }

    /// <summary>A relative manifest path is relative to the application's base directory, where the build copies it.</summary>
    public static string ResolvePath(string path) => Path.IsPathRooted(path) ? path : Path.Combine(AppContext.BaseDirectory, path);

    /// <summary>Finds a document by its SHA-256 hash (lowercase hex).</summary>
    public ValueTask<string?> FindAsync(string hash, CancellationToken cancellationToken) =>
        Manifest.TryGet(hash, out var text) ? ValueTask.FromResult<string?>(text)
        : _registered is not null ? _registered.GetAsync(hash, cancellationToken)
        : ValueTask.FromResult<string?>(null);

    /// <summary>Remembers an APQ document whose hash the caller has verified.</summary>
    public ValueTask RegisterAsync(string hash, string text, CancellationToken cancellationToken) =>
        _registered?.SetAsync(hash, text, cancellationToken) ?? ValueTask.CompletedTask;

    /// <summary>
    /// <c>sha256:&lt;hex&gt;</c> (the GraphQL-over-HTTP form) and a bare <c>&lt;hex&gt;</c> (Relay's and Hot Chocolate's
    /// <c>id</c>) name the same document.
    /// </summary>
    public ValueTask<string?> GetQueryAsync(string? documentIdPrefix, string documentIdPayload, CancellationToken cancellationToken) =>
        documentIdPrefix is null or "sha256" && Sha256Hex.IsValid(documentIdPayload)
            ? FindAsync(documentIdPayload, cancellationToken)
            : ValueTask.FromResult<string?>(null);
}
