using System.Globalization;
using System.Text;
using System.Text.Json;
using Shipping.Estimating;
using Shipping.Store;

namespace Gateway.Shipping;

/// <summary>
/// The one operation the gateway sends: an aliased <c>estimates</c> per country, so a screen that asks for
/// several countries still makes one call. Its selection is also what the start-up check validates.
/// </summary>
public static class ShippingOperation
{
    public const string Selection = "days cost currency carrier { code name }";

    /// <summary>Every field and argument the gateway uses, with literal inputs, so that validating it against a remote's SDL checks input fields too.</summary>
    public const string Probe = "query ShippingProbe { estimates(country: \"DE\", items: [{ weightGrams: 1, warehouses: [\"1\"] }]) { " + Selection + " } }";

    public static (string Query, Dictionary<string, object> Variables) Build(IReadOnlyList<IGrouping<string, DeliveryRequest>> countries)
    {
        var declarations = new StringBuilder();
        var fields = new StringBuilder();
        var variables = new Dictionary<string, object>();
        for (var i = 0; i < countries.Count; i++)
        {
            declarations.Append(CultureInfo.InvariantCulture, $"{(i == 0 ? "" : ", ")}$c{i}: String!, $i{i}: [EstimateItemInput!]!");
            fields.Append(CultureInfo.InvariantCulture, $" e{i}: estimates(country: $c{i}, items: $i{i}) {{ {Selection} }}");
            variables[$"c{i}"] = countries[i].Key;
            variables[$"i{i}"] = countries[i].Select(r => new { weightGrams = r.WeightGrams, warehouses = r.WarehouseIds }).ToArray();
        }

        return ($"query GatewayEstimates({declarations}) {{{fields} }}", variables);
    }

    /// <summary>
    /// Reads the answer of <see cref="Build"/>: each country's estimates in its items' order, or the error its alias
    /// carries. A body that is not that shape throws <see cref="FormatException"/>.
    /// </summary>
    public static Dictionary<DeliveryRequest, DeliveryOutcome> Read(JsonElement body, IReadOnlyList<IGrouping<string, DeliveryRequest>> countries)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException("The answer is not a JSON object.");
        }

        var hasData = body.TryGetProperty("data", out var data) && data.ValueKind == JsonValueKind.Object;
        var errors = body.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array ? list.EnumerateArray().ToList() : [];
        // Errors with a path were raised while executing (an alias's non-null list nulls all of data): each alias
        // then reports its own. Without any path, the remote refused the operation before running it (a changed
        // schema fails validation), or answered nonsense.
        if (!hasData && !errors.Any(e => e.ValueKind == JsonValueKind.Object && e.TryGetProperty("path", out _)))
        {
            var reason = errors.Count > 0 ? MessageOf(errors[0]) : "no data";
            throw new UpstreamRejectedException($"The shipping service rejected the operation: {reason}");
        }

        var outcomes = new Dictionary<DeliveryRequest, DeliveryOutcome>();
        for (var i = 0; i < countries.Count; i++)
        {
            var requests = countries[i].ToList();
            if (!hasData || !data.TryGetProperty($"e{i}", out var estimates) || estimates.ValueKind != JsonValueKind.Array)
            {
                var error = errors.FirstOrDefault(e => PathStartsWith(e, $"e{i}"));
                var code = error.ValueKind == JsonValueKind.Object ? CodeOf(error) ?? UpstreamErrors.Unavailable : UpstreamErrors.Unavailable;
                var message = error.ValueKind == JsonValueKind.Object ? MessageOf(error) : "The shipping service gave no estimates.";
                foreach (var request in requests)
                {
                    outcomes[request] = DeliveryOutcome.Failed(code, message);
                }

                continue;
            }

            if (estimates.GetArrayLength() != requests.Count)
            {
                throw new FormatException($"Expected {requests.Count} estimates, got {estimates.GetArrayLength()}.");
            }

            for (var j = 0; j < requests.Count; j++)
            {
                outcomes[requests[j]] = new DeliveryOutcome(ReadEstimate(estimates[j]));
            }
        }

        return outcomes;
    }

    private static DeliveryEstimate? ReadEstimate(JsonElement estimate)
    {
        if (estimate.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        var carrier = estimate.GetProperty("carrier");
        return new DeliveryEstimate(
            estimate.GetProperty("days").GetInt32(),
            estimate.GetProperty("cost").GetDecimal(),
            estimate.GetProperty("currency").GetString() ?? throw new FormatException("currency is null."),
            new Carrier { Code = carrier.GetProperty("code").GetString()!, Name = carrier.GetProperty("name").GetString()! });
    }

    private static bool PathStartsWith(JsonElement error, string alias) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("path", out var path) && path.ValueKind == JsonValueKind.Array
        && path.GetArrayLength() > 0 && path[0].ValueKind == JsonValueKind.String && path[0].GetString() == alias;

    private static string? CodeOf(JsonElement error) =>
        error.TryGetProperty("extensions", out var extensions) && extensions.ValueKind == JsonValueKind.Object
        && extensions.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String ? code.GetString() : null;

    private static string MessageOf(JsonElement error) =>
        error.ValueKind == JsonValueKind.Object && error.TryGetProperty("message", out var message) && message.ValueKind == JsonValueKind.String
            ? message.GetString()!
            : "an error without a message";
}

/// <summary>The remote answered, but refused the operation as a whole.</summary>
public sealed class UpstreamRejectedException(string message) : Exception(message);
