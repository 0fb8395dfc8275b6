using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Gateway.Http.Tests.Support;

/// <summary>A persisted operations manifest of the given documents in a temporary file, deleted on dispose.</summary>
public sealed class TempManifest : IDisposable
{
    public TempManifest(params string[] documents) =>
        File.WriteAllText(Path, JsonSerializer.Serialize(documents.ToDictionary(Hash, document => document)));

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"manifest-{Guid.NewGuid():N}.json");

    /// <summary>The document id of <paramref name="text"/>: SHA-256 of its UTF-8 bytes, lowercase hex.</summary>
    public static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    public void Dispose() => File.Delete(Path);
}
