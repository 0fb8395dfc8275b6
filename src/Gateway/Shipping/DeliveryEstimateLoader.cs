using Gateway.DataLoader;

namespace Gateway.Shipping;

/// <summary>
/// Collects every parcel a request asks about and sends them in one remote call: the query engine resolves all
/// its rows' fields before GraphQL.NET awaits any DataLoader, so a whole screen (a page of 50 products, the
/// products of every order) makes one batch.
/// </summary>
public sealed class DeliveryEstimateLoader(ShippingClient client)
    // Beyond what the service takes in one call (its MaxItems), a batch is split into calls one after another.
    : BatchDataLoader<DeliveryRequest, DeliveryOutcome>(new DataLoaderOptions { MaxBatchSize = MaxParcelsPerCall })
{
    public const int MaxParcelsPerCall = 2_000;

    protected override Task<IReadOnlyDictionary<DeliveryRequest, DeliveryOutcome>> LoadBatchAsync(
        IReadOnlyList<DeliveryRequest> keys, CancellationToken cancellationToken) =>
        client.EstimateAsync(keys, cancellationToken);
}
