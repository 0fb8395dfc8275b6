using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Operations;

/// <summary>
/// <c>schema/operations/persisted-operations.json</c> is the manifest the gateway ships: the SHA-256 hash (hex) of
/// each <c>.graphql</c> file's text, mapped to that text. This test keeps it equal to the files.
/// </summary>
public sealed class PersistedOperationsManifestTests
{
    private const string UpdateVariable = "UPDATE_PERSISTED_OPERATIONS";

    public static string ManifestPath => Path.Combine(ContractPaths.Screens, "persisted-operations.json");

    /// <summary>The manifest as the files say it should be: keys in file-name order, one entry per line.</summary>
    public static string Expected()
    {
        var entries = Directory.GetFiles(ContractPaths.Screens, "*.graphql")
            .Order(StringComparer.Ordinal)
            .Select(File.ReadAllText)
            .ToDictionary(text => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text))), text => text);
        return JsonSerializer.Serialize(entries, new JsonSerializerOptions
        {
            WriteIndented = true,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        }) + "\n";
    }

    /// <summary>The hash of one operation, as a client computes it from the file it bundles.</summary>
    public static string HashOf(string name) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(GraphQLHttp.Screen(name))));

    [Fact]
    public void Manifest_matches_the_operation_files()
    {
        var expected = Expected();
        if (Environment.GetEnvironmentVariable(UpdateVariable) == "1")
        {
            File.WriteAllText(ManifestPath, expected);
        }

        var committed = File.Exists(ManifestPath) ? File.ReadAllText(ManifestPath).ReplaceLineEndings("\n") : "";
        Assert.True(committed == expected,
            $"{ManifestPath} is stale: an operation in schema/operations/ changed. Rerun this test with {UpdateVariable}=1 "
            + "to rewrite it, then commit it with the operation.");
    }
}
