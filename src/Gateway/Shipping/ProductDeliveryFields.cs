using Gateway.Catalog;
using Gateway.EntityFramework.Types;
using Shipping.Schema;

namespace Gateway.Shipping;

/// <summary>What the Shipping module adds to Product: its delivery estimate, from the remote shipping service.</summary>
public sealed class ProductDeliveryFields : EntityTypeExtension<Product>
{
    public ProductDeliveryFields()
    {
        Field<DeliveryEstimateType, string>(DeliveryField.Name, ParcelRequirements.OfProduct, DeliveryField.Resolve)
            .Argument(DeliveryField.CountryArgument)
            .Description("Delivery of one unit to the country, from the shipping service; null with an UPSTREAM_* error when it is slow or down.");
    }
}
