using Shipping.Store;

namespace Shipping.Estimating;

/// <summary>
/// The store's rates and lead times as one immutable snapshot: what every estimate reads. The rate card is
/// reference data that no request writes, so reading it per call (two statements and a connection opened for
/// each) only repeated the same rows: 15% of a product page's CPU went to it by a profile of the embedding gateway.
/// </summary>
public sealed class RateCard
{
    private readonly Dictionary<string, List<Rate>> _ratesByCountry;

    public RateCard(IEnumerable<Rate> rates, IReadOnlyDictionary<string, int> leadTimes, DateTimeOffset loadedAt)
    {
        _ratesByCountry = rates
            .GroupBy(r => r.Country, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(r => r.MaxGrams).ToList(), StringComparer.Ordinal);
        LeadTimes = leadTimes;
        LoadedAt = loadedAt;
    }

    /// <summary>Handling days per warehouse id.</summary>
    public IReadOnlyDictionary<string, int> LeadTimes { get; }

    public DateTimeOffset LoadedAt { get; }

    /// <summary>The country's rates, lightest band first; empty when no carrier delivers there.</summary>
    public IReadOnlyList<Rate> RatesTo(string country) =>
        _ratesByCountry.TryGetValue(country, out var rates) ? rates : [];
}
