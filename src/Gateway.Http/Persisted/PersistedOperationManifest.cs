using System.Collections.Frozen;
using System.Text.Json;

namespace Gateway.Http.Persisted;

/// <summary>
/// The documents a build of the frontend ships, by hash: a JSON object <c>{ "&lt;sha256 hex&gt;": "&lt;text&gt;" }</c>.
/// Every entry is checked when the file is loaded, so a hand-edited or stale manifest stops the server at start-up
/// instead of answering a hash with a different document.
/// </summary>
internal sealed class PersistedOperationManifest
{
    public static readonly PersistedOperationManifest Empty = new(FrozenDictionary<string, string>.Empty);

    private readonly FrozenDictionary<string, string> _documents;

    private PersistedOperationManifest(FrozenDictionary<string, string> documents) => _documents = documents;

    public int Count => _documents.Count;

    public bool TryGet(string hash, out string text) => _documents.TryGetValue(hash, out text!);

    public static PersistedOperationManifest Load(string path)
    {
        Dictionary<string, string>? entries;
        try
        {
            entries = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(path));
        }
        catch (JsonException ex)
        {
            throw new InvalidDataException($"The persisted operations manifest {path} is not a JSON object of strings: {ex.Message}", ex);
        }

        foreach (var (hash, text) in entries ?? [])
        {
            if (!Sha256Hex.IsValid(hash) || Sha256Hex.Of(text) != hash)
            {
                throw new InvalidDataException(
                    $"The persisted operations manifest {path} maps '{hash}' to a document whose SHA-256 hash is {Sha256Hex.Of(text)}.");
            }
        }

        return new PersistedOperationManifest((entries ?? []).ToFrozenDictionary(StringComparer.Ordinal));
    }
}
