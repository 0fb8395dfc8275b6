using Gateway.EntityFramework.Types;
using Shipping.Schema;
using Gateway.Sales;

namespace Gateway.Shipping;

/// <summary>What the Shipping module adds to Order: the delivery of its lines as one parcel.</summary>
public sealed class OrderDeliveryFields : EntityTypeExtension<Order>
{
    public OrderDeliveryFields()
    {
        Field<DeliveryEstimateType, string>(DeliveryField.Name, ParcelRequirements.OfOrder, DeliveryField.Resolve)
            .Argument(DeliveryField.CountryArgument)
            .Description("Delivery of the order's lines as one parcel to the country, from the shipping service; null with an UPSTREAM_* error when it is slow or down.");
    }
}
