using System.Globalization;

namespace Gateway.Shipping;

/// <summary>
/// One parcel to estimate, as the DataLoader's key: equal parcels to the same country (products of the same weight
/// stocked in the same warehouses) are asked for once.
/// </summary>
/// <param name="Warehouses">Warehouse ids holding stock, distinct, ascending, comma-separated.</param>
public sealed record DeliveryRequest(string Country, int WeightGrams, string Warehouses)
{
    /// <summary>From a country argument and the parent's projected requirement, <c>"{grams}|{bits}"</c> (see <see cref="ParcelRequirements"/>).</summary>
    public static DeliveryRequest From(string country, string requirement)
    {
        var separator = requirement.IndexOf('|');
        var grams = int.Parse(requirement.AsSpan(0, separator < 0 ? requirement.Length : separator), CultureInfo.InvariantCulture);
        // A SQL SUM over no rows is NULL, which concatenates to an empty string.
        var bits = separator < 0 || separator == requirement.Length - 1 ? 0L : long.Parse(requirement.AsSpan(separator + 1), CultureInfo.InvariantCulture);
        var warehouses = Enumerable.Range(1, 52).Where(id => (bits & (1L << id)) != 0);
        return new DeliveryRequest(country.Trim().ToUpperInvariant(), grams, string.Join(",", warehouses));
    }

    public IReadOnlyList<string> WarehouseIds => Warehouses.Length == 0 ? [] : Warehouses.Split(',');
}
