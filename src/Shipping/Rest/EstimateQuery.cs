using System.Globalization;
using Microsoft.AspNetCore.Http;
using Shipping.Estimating;

namespace Shipping.Rest;

/// <summary>
/// The query string of <c>GET /estimates</c>, validated: every bad or missing parameter is named in <see cref="Errors"/>
/// (a 400), so a client learns all its mistakes from one answer instead of one per call.
/// </summary>
public sealed class EstimateQuery
{
    /// <summary>Warehouse ids one parcel may list: more than the storefront has, few enough to bound the work.</summary>
    public const int MaxWarehouses = 64;

    private EstimateQuery()
    {
    }

    public string Country { get; private init; } = "";

    public EstimateItem Item { get; private init; } = new(0, []);

    public Dictionary<string, string[]> Errors { get; } = new(StringComparer.Ordinal);

    public static EstimateQuery Parse(IQueryCollection query)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var country = Single(query, "country", errors)?.Trim().ToUpperInvariant();
        if (country is not null && (country.Length != 2 || !country.All(char.IsAsciiLetterUpper)))
        {
            errors["country"] = ["'country' must be an ISO 3166-1 alpha-2 code, e.g. DE."];
        }

        var weightText = Single(query, "weightGrams", errors);
        var weight = 0;
        if (weightText is not null && (!int.TryParse(weightText, NumberStyles.None, CultureInfo.InvariantCulture, out weight) || weight < 1))
        {
            errors["weightGrams"] = ["'weightGrams' must be a whole number of grams, at least 1."];
        }

        var warehouses = Warehouses(query, errors);
        var parsed = new EstimateQuery { Country = country ?? "", Item = new EstimateItem(weight, warehouses) };
        foreach (var (name, messages) in errors)
        {
            parsed.Errors[name] = messages;
        }

        return parsed;
    }

    /// <summary>A required parameter given exactly once.</summary>
    private static string? Single(IQueryCollection query, string name, Dictionary<string, string[]> errors)
    {
        var values = query[name];
        if (values.Count == 1 && !string.IsNullOrWhiteSpace(values[0]))
        {
            return values[0];
        }

        errors[name] = [values.Count > 1 ? $"'{name}' must be given once." : $"'{name}' is required."];
        return null;
    }

    /// <summary><c>warehouses=1,2</c>: the store's warehouse ids holding the item. Absent or empty: none does (backordered).</summary>
    private static List<string> Warehouses(IQueryCollection query, Dictionary<string, string[]> errors)
    {
        var values = query["warehouses"];
        if (values.Count > 1)
        {
            errors["warehouses"] = ["'warehouses' must be given once, comma-separated."];
            return [];
        }

        var text = values.Count == 0 ? "" : values[0] ?? "";
        if (text.Length == 0)
        {
            return [];
        }

        var ids = text.Split(',');
        if (ids.Length > MaxWarehouses || !ids.All(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0))
        {
            errors["warehouses"] = [$"'warehouses' must be at most {MaxWarehouses} positive warehouse ids, comma-separated, e.g. 1,3."];
            return [];
        }

        // As the GraphQL items carry them: the ids' canonical text, so "01" and "1" are one warehouse.
        return ids.Select(id => int.Parse(id, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture)).Distinct().ToList();
    }
}
