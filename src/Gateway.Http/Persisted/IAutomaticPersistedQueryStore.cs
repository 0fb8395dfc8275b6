using Gateway.Http.Execution;
using Microsoft.Extensions.Options;

namespace Gateway.Http.Persisted;

/// <summary>
/// Where the documents clients register through Apollo's automatic persisted queries are kept, by SHA-256 hash (lowercase
/// hex, already verified against the text). One process keeps them in memory; replicas share a store (e.g. Redis) so a
/// hash registered through one replica runs on every other.
/// </summary>
public interface IAutomaticPersistedQueryStore
{
    ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken);

    ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken);
}

/// <summary>The in-process store: an LRU map of <see cref="PersistedOperationOptions.AutomaticPersistedQueryCacheSize"/> documents.</summary>
public sealed class InMemoryAutomaticPersistedQueryStore(IOptions<PersistedOperationOptions> options) : IAutomaticPersistedQueryStore
{
    private readonly LruCache<string, string> _documents = new(options.Value.AutomaticPersistedQueryCacheSize);

    internal int Count => _documents.Count;

    public ValueTask<string?> GetAsync(string hash, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_documents.TryGet(hash, out var document) ? document : null);

    public ValueTask SetAsync(string hash, string document, CancellationToken cancellationToken)
    {
        _documents.Set(hash, document);
        return ValueTask.CompletedTask;
    }
}
