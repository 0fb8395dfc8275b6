using System.Text.Json.Nodes;
using Shipping.Store;

namespace Gateway.Tests.Correctness;

/// <summary>
/// What <c>delivery(country:)</c> must say for a product, worked out from the shipping service's seed rows (its
/// rates and lead times) and the store oracle's weights and stock, with LINQ to objects: none of the service's
/// estimating code, its store or the gateway's client is involved. The rules are the service's documented ones:
/// per carrier the lightest weight band that takes the parcel, the cheapest of those (then the fastest, then by
/// code), shipped from the quickest warehouse holding stock, or after 10 days of reordering when none does.
/// </summary>
internal static class DeliveryOracle
{
    /// <summary>The screens' default country (their <c>$country</c> variable's default).</summary>
    public const string DefaultCountry = "DE";

    private const int BackorderDays = 10;

    private static readonly Lazy<(List<Carrier> Carriers, List<Rate> Rates, List<WarehouseLeadTime> LeadTimes)> Seed = new(ShippingSeed.Generate);

    /// <summary>The expected <c>{ days cost currency carrier { code name } }</c> of one unit of the product, or null when no carrier takes it.</summary>
    public static JsonObject? Estimate(StoreOracle store, int productId, string country = DefaultCountry)
    {
        var (carriers, rates, leadTimes) = Seed.Value;
        var grams = store.ProductById[productId].WeightGrams;
        var offers = rates
            .Where(r => r.Country == country)
            .GroupBy(r => r.CarrierCode)
            .Select(byCarrier => byCarrier.Where(r => r.MaxGrams >= grams).MinBy(r => r.MaxGrams))
            .OfType<Rate>()
            .ToList();
        if (offers.Count == 0)
        {
            return null;
        }

        var best = offers.OrderBy(r => r.PriceCents).ThenBy(r => r.TransitDays).ThenBy(r => r.CarrierCode, StringComparer.Ordinal).First();
        var stocked = store.StockByProduct[productId].Where(s => s.Quantity > 0).Select(s => s.WarehouseId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToHashSet();
        var handling = stocked.Count == 0 ? BackorderDays : leadTimes.Where(l => stocked.Contains(l.WarehouseId)).Min(l => l.Days);
        var carrier = carriers.Single(c => c.Code == best.CarrierCode);
        return new JsonObject
        {
            ["days"] = handling + best.TransitDays,
            ["cost"] = best.PriceCents / 100m,
            ["currency"] = "EUR",
            ["carrier"] = new JsonObject { ["code"] = carrier.Code, ["name"] = carrier.Name },
        };
    }
}
