using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Correctness;

/// <summary>
/// Compares a response with the oracle's expected JSON by meaning: numbers by value (averages within 1e-9),
/// date-times by instant, objects by their expected properties, lists in order. Cursors are opaque, so the
/// expected side leaves them out and only their presence is checked.
/// </summary>
internal static class JsonExpect
{
    private static readonly HashSet<string> _opaque = ["cursor", "startCursor", "endCursor"];

    public static void Equal(JsonNode? expected, JsonNode? actual) => Compare(expected, actual, "$");

    private static void Compare(JsonNode? expected, JsonNode? actual, string path)
    {
        switch (expected)
        {
            case null:
                Assert.True(actual is null, $"{path}: expected null, got {actual?.ToJsonString()}");
                return;
            case JsonObject expectedObject:
                var actualObject = Assert.IsType<JsonObject>(actual, exactMatch: false);
                var missing = actualObject.Select(p => p.Key).Where(k => !_opaque.Contains(k) && !expectedObject.ContainsKey(k)).ToList();
                Assert.True(missing.Count == 0, $"{path}: the oracle has no expectation for {string.Join(", ", missing)}");
                foreach (var (name, value) in expectedObject)
                {
                    Assert.True(actualObject.ContainsKey(name), $"{path}.{name} is missing in {Shorten(actualObject)}");
                    if (!_opaque.Contains(name))
                    {
                        Compare(value, actualObject[name], $"{path}.{name}");
                    }
                }
                foreach (var name in _opaque.Where(actualObject.ContainsKey))
                {
                    Assert.True(actualObject[name] is JsonValue || actualObject[name] is null, $"{path}.{name} is not a scalar");
                }
                return;
            case JsonArray expectedArray:
                var actualArray = Assert.IsType<JsonArray>(actual, exactMatch: false);
                Assert.True(expectedArray.Count == actualArray.Count,
                    $"{path}: expected {expectedArray.Count} items, got {actualArray.Count}: {Shorten(actualArray)}");
                for (var i = 0; i < expectedArray.Count; i++)
                {
                    Compare(expectedArray[i], actualArray[i], $"{path}[{i}]");
                }
                return;
            default:
                Assert.True(actual is JsonValue, $"{path}: expected {expected.ToJsonString()}, got {actual?.ToJsonString() ?? "null"}");
                Assert.True(ScalarsEqual((JsonValue)expected, (JsonValue)actual!),
                    $"{path}: expected {expected.ToJsonString()}, got {actual!.ToJsonString()}");
                return;
        }
    }

    private static bool ScalarsEqual(JsonValue expected, JsonValue actual)
    {
        var e = JsonDocument.Parse(expected.ToJsonString()).RootElement;
        var a = JsonDocument.Parse(actual.ToJsonString()).RootElement;
        if (e.ValueKind == JsonValueKind.Number && a.ValueKind == JsonValueKind.Number)
        {
            if (e.TryGetDecimal(out var ed) && a.TryGetDecimal(out var ad) && ed == ad)
            {
                return true;
            }
            return Math.Abs(e.GetDouble() - a.GetDouble()) <= 1e-9;
        }
        if (e.ValueKind == JsonValueKind.String && a.ValueKind == JsonValueKind.String)
        {
            var es = e.GetString()!;
            var @as = a.GetString()!;
            if (es == @as)
            {
                return true;
            }
            return LooksLikeInstant(es) && LooksLikeInstant(@as)
                && DateTimeOffset.Parse(es, CultureInfo.InvariantCulture) == DateTimeOffset.Parse(@as, CultureInfo.InvariantCulture);
        }
        return e.ValueKind == a.ValueKind && e.GetRawText() == a.GetRawText();
    }

    private static bool LooksLikeInstant(string text) =>
        text.Length >= 19 && text[4] == '-' && text[10] == 'T' && DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, out _);

    private static string Shorten(JsonNode node)
    {
        var text = node.ToJsonString();
        return text.Length <= 400 ? text : text[..400] + "…";
    }

    /// <summary>An instant as the oracle writes it: UTC, round-trip format.</summary>
    public static JsonNode Instant(DateTime value) => JsonValue.Create(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", CultureInfo.InvariantCulture));
}
