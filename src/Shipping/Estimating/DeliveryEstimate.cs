using Shipping.Store;

namespace Shipping.Estimating;

/// <summary>When a parcel arrives and what it costs with the carrier chosen for it.</summary>
public sealed record DeliveryEstimate(int Days, decimal Cost, string Currency, Carrier Carrier);
