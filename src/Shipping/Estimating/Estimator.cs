using GraphQL;
using Shipping.Store;

namespace Shipping.Estimating;

/// <summary>
/// Estimates many parcels to one country from the rate card (the country's rates, the lead times), whatever the
/// number of parcels: the caller batches, so the service must not read per item.
/// </summary>
public sealed class Estimator(RateCardCache rateCards)
{
    /// <summary>Handling days when no listed warehouse holds the item: it is reordered first.</summary>
    public const int BackorderDays = 10;

    /// <summary>Handling days of a warehouse the service has no lead time for.</summary>
    public const int DefaultLeadDays = 3;

    public const string Currency = "EUR";

    public async Task<IReadOnlyList<DeliveryEstimate?>> EstimateAsync(string country, IReadOnlyList<EstimateItem> items, CancellationToken cancellationToken)
    {
        country = country.Trim().ToUpperInvariant();
        if (country.Length != 2 || !country.All(char.IsAsciiLetterUpper))
        {
            throw new ExecutionError($"'{country}' is not an ISO 3166-1 alpha-2 country code.") { Code = "INVALID_COUNTRY" };
        }

        var card = await rateCards.GetAsync(cancellationToken);
        var rates = card.RatesTo(country);
        if (rates.Count == 0)
        {
            throw new ExecutionError($"No carrier delivers to '{country}'.") { Code = "UNSUPPORTED_COUNTRY" };
        }

        return items.Select(item => Estimate(item, rates, card.LeadTimes)).ToList();
    }

    /// <summary>The cheapest carrier for the item's weight band (then the fastest, then by code), from its quickest warehouse.</summary>
    private static DeliveryEstimate? Estimate(EstimateItem item, IReadOnlyList<Rate> rates, IReadOnlyDictionary<string, int> leadTimes)
    {
        var best = rates
            .Where(r => r.MaxGrams >= Math.Max(item.WeightGrams, 1))
            .GroupBy(r => r.CarrierCode)
            .Select(band => band.First())
            .OrderBy(r => r.PriceCents).ThenBy(r => r.TransitDays).ThenBy(r => r.CarrierCode, StringComparer.Ordinal)
            .FirstOrDefault();
        if (best is null)
        {
            return null;
        }

        var lead = item.Warehouses.Count == 0
            ? BackorderDays
            : item.Warehouses.Min(w => leadTimes.GetValueOrDefault(w, DefaultLeadDays));
        return new DeliveryEstimate(lead + best.TransitDays, best.PriceCents / 100m, Currency, best.Carrier);
    }
}
