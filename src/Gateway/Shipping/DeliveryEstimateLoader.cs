using Gateway.DataLoader;

namespace Gateway.Shipping;

/// <summary>
/// Collects every parcel a request asks about and sends them in one remote call: the query engine resolves all
/// its rows' fields before GraphQL.NET awaits any DataLoader, so a whole screen (a page of 50 products, the
/// products of every order) makes one batch.
/// </summary>
public sealed class DeliveryEstimateLoader(ShippingClient client) : BatchDataLoader<DeliveryRequest, DeliveryOutcome>
{
    protected override Task<IReadOnlyDictionary<DeliveryRequest, DeliveryOutcome>> LoadBatchAsync(
        IReadOnlyList<DeliveryRequest> keys, CancellationToken cancellationToken) =>
        client.EstimateAsync(keys, cancellationToken);
}
