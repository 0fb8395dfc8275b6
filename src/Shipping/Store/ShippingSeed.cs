namespace Shipping.Store;

/// <summary>
/// The service's reference data, generated deterministically (a fixed seed): the same rates on every start and
/// machine, so tests and snapshots can hold their answers.
/// </summary>
public static class ShippingSeed
{
    public static readonly (string Code, string Name)[] CarrierNames =
    [
        ("PARCELO", "Parcelo"), ("SWIFT", "SwiftPost"), ("CARGO", "Cargoline"),
    ];

    /// <summary>Countries served, with a distance class from the warehouses (Germany): more days and cents further out.</summary>
    public static readonly (string Country, int Distance)[] Countries =
    [
        ("DE", 0), ("AT", 1), ("NL", 1), ("BE", 1), ("FR", 1), ("DK", 1), ("PL", 1),
        ("IT", 2), ("ES", 2), ("SE", 2), ("GB", 3), ("US", 4),
    ];

    /// <summary>Upper bounds of the weight bands in grams; heavier parcels are not carried.</summary>
    public static readonly int[] WeightBands = [500, 1_000, 2_000, 5_000, 10_000, 20_000, 31_500];

    /// <summary>The storefront's warehouses (ids 1 to 4) and their handling days.</summary>
    public static readonly (string WarehouseId, int Days)[] LeadTimes = [("1", 1), ("2", 1), ("3", 2), ("4", 3)];

    public static (List<Carrier> Carriers, List<Rate> Rates, List<WarehouseLeadTime> LeadTimes) Generate()
    {
        var random = new Random(20_261_115);
        var carriers = CarrierNames.Select(c => new Carrier { Code = c.Code, Name = c.Name }).ToList();
        var rates = new List<Rate>();
        foreach (var (country, distance) in Countries)
        {
            foreach (var carrier in carriers)
            {
                // Each carrier has its own base price and speed per country: the cheapest is not always the fastest.
                var baseCents = 390 + distance * 350 + random.Next(0, 250);
                var transit = 1 + distance + random.Next(0, 3);
                for (var band = 0; band < WeightBands.Length; band++)
                {
                    rates.Add(new Rate
                    {
                        Id = rates.Count + 1,
                        CarrierCode = carrier.Code,
                        Country = country,
                        MaxGrams = WeightBands[band],
                        PriceCents = baseCents + band * (120 + distance * 60) + random.Next(0, 9) * 10 + 9,
                        TransitDays = transit + band / 4,
                    });
                }
            }
        }

        var leadTimes = LeadTimes.Select(l => new WarehouseLeadTime { WarehouseId = l.WarehouseId, Days = l.Days }).ToList();
        return (carriers, rates, leadTimes);
    }
}
