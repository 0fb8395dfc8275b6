using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Gateway.Benchmarks.Screens;

/// <summary>
/// Builds the normalized view model both ways of fetching a screen are mapped into: numeric ids, money as normalized
/// decimal text, averages rounded to 6 places, instants as UTC ISO-8601 to the millisecond. Equal views mean the
/// screen renders the same.
/// </summary>
internal static class View
{
    public static JsonObject Obj(params (string Name, JsonNode? Value)[] fields)
    {
        var obj = new JsonObject();
        foreach (var (name, value) in fields)
        {
            obj[name] = value;
        }
        return obj;
    }

    public static JsonArray Arr(IEnumerable<JsonNode?> items) => new([.. items]);

    /// <summary>A REST id (a JSON number) as is.</summary>
    public static JsonNode RestId(JsonNode? id) => JsonValue.Create(id!.GetValue<int>());

    /// <summary>A GraphQL global id (base64 of <c>Type:key</c>) as its numeric key, checking its type.</summary>
    public static JsonNode GraphId(JsonNode? id, string type) => JsonValue.Create(GlobalIds.Decode(id!.GetValue<string>(), type));

    public static JsonNode? Text(JsonNode? value) => value is null ? null : JsonValue.Create(value.GetValue<string>());

    public static JsonNode Int(JsonNode? value) => JsonValue.Create(value!.GetValue<int>());

    public static JsonNode Bool(bool value) => JsonValue.Create(value);

    public static JsonNode Money(JsonNode? value) =>
        JsonValue.Create(decimal.Parse(value!.ToJsonString(), NumberStyles.Float, CultureInfo.InvariantCulture)
            .ToString("0.############", CultureInfo.InvariantCulture));

    public static JsonNode? Average(JsonNode? value) =>
        value is null ? null : JsonValue.Create(Math.Round(value.GetValue<double>(), 6));

    public static JsonNode Instant(JsonNode? value) =>
        JsonValue.Create(DateTimeOffset.Parse(value!.GetValue<string>(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)
            .ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));

    /// <summary>Throws, naming the first difference, unless both views are the same.</summary>
    public static void AssertSame(string screen, JsonNode rest, JsonNode graphQL)
    {
        var difference = FirstDifference("$", rest, graphQL);
        if (difference is not null)
        {
            var folder = Path.Combine(Path.GetTempPath(), "gateway-benchmarks");
            Directory.CreateDirectory(folder);
            var options = new System.Text.Json.JsonSerializerOptions { WriteIndented = true };
            File.WriteAllText(Path.Combine(folder, screen + ".rest.json"), rest.ToJsonString(options), Encoding.UTF8);
            File.WriteAllText(Path.Combine(folder, screen + ".graphql.json"), graphQL.ToJsonString(options), Encoding.UTF8);
            throw new InvalidOperationException(
                $"{screen}: REST and GraphQL render different data at {difference} (both views written to {folder}).");
        }
    }

    private static string? FirstDifference(string path, JsonNode? a, JsonNode? b)
    {
        switch (a, b)
        {
            case (null, null):
                return null;
            case (JsonObject x, JsonObject y):
                foreach (var name in x.Select(p => p.Key).Union(y.Select(p => p.Key)))
                {
                    if (!x.ContainsKey(name) || !y.ContainsKey(name))
                    {
                        return $"{path}.{name} (missing on one side)";
                    }
                    if (FirstDifference($"{path}.{name}", x[name], y[name]) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            case (JsonArray x, JsonArray y):
                for (var i = 0; i < Math.Max(x.Count, y.Count); i++)
                {
                    if (i >= x.Count || i >= y.Count)
                    {
                        return $"{path} (REST has {x.Count} items, GraphQL {y.Count})";
                    }
                    if (FirstDifference($"{path}[{i}]", x[i], y[i]) is { } found)
                    {
                        return found;
                    }
                }
                return null;
            default:
                var left = a?.ToJsonString();
                var right = b?.ToJsonString();
                return left == right ? null : $"{path}: REST {left ?? "null"}, GraphQL {right ?? "null"}";
        }
    }
}

/// <summary>The gateway's Relay global ids: base64 of <c>TypeName:key</c>; kept here so the benchmark needs no engine internals.</summary>
internal static class GlobalIds
{
    public static string Encode(string type, int key) =>
        Convert.ToBase64String(Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{type}:{key}")));

    public static int Decode(string id, string expectedType)
    {
        var text = Encoding.UTF8.GetString(Convert.FromBase64String(id));
        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0 || text[..colon] != expectedType)
        {
            throw new InvalidOperationException($"Global id {id} ({text}) is not a {expectedType} id.");
        }
        return int.Parse(text[(colon + 1)..], NumberStyles.Integer, CultureInfo.InvariantCulture);
    }
}
