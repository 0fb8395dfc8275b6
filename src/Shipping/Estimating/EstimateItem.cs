namespace Shipping.Estimating;

/// <summary>One parcel to estimate: its weight and the warehouses (store warehouse ids) that could ship it.</summary>
public sealed record EstimateItem(int WeightGrams, IReadOnlyList<string> Warehouses);
