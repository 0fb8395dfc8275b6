using Shipping.Estimating;

namespace Gateway.Shipping;

/// <summary>What became of one parcel's estimate: an answer (null when no carrier takes it) or the error its field reports.</summary>
/// <remarks>
/// The estimate is the shipping service's own type, read back from its JSON answer: the gateway's <c>DeliveryEstimate</c>
/// and <c>Carrier</c> are the service's graph types, so the stitched graph cannot drift from the SDL it checks at start-up.
/// </remarks>
public sealed record DeliveryOutcome(DeliveryEstimate? Estimate, string? ErrorCode = null, string? ErrorMessage = null)
{
    public static DeliveryOutcome Failed(string code, string message) => new(null, code, message);
}
