using System.Text.Json;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Deployment;

/// <summary>
/// The shipped settings files hold each section once: JSON tolerates a repeated key, and configuration then merges the
/// two copies silently, so a section split by a merge (two "GraphQL" objects) would hide one copy from its readers.
/// </summary>
public sealed class AppSettingsFileTests
{
    [Theory]
    [InlineData("appsettings.json")]
    [InlineData("appsettings.Development.json")]
    public void Every_object_names_each_key_once(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "src", "Gateway", file)));

        Assert.Empty(RepeatedKeys(document.RootElement, "$"));
    }

    private static IEnumerable<string> RepeatedKeys(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            return [];
        }

        var properties = element.EnumerateObject().ToList();
        return properties.GroupBy(p => p.Name, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => $"{path}.{g.Key}")
            .Concat(properties.SelectMany(p => RepeatedKeys(p.Value, $"{path}.{p.Name}")));
    }
}
