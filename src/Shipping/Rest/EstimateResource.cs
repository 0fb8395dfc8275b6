namespace Shipping.Rest;

/// <summary>One parcel's estimate as <c>GET /estimates</c> answers it: the question echoed, then the answer.</summary>
public sealed record EstimateResource(string Country, int WeightGrams, IReadOnlyList<string> Warehouses, int Days, decimal Cost, string Currency, CarrierResource Carrier);

public sealed record CarrierResource(string Code, string Name);
