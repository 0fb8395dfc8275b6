using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Inventory;

/// <summary>What the Inventory module adds to Product.</summary>
public sealed class ProductAvailabilityFields : EntityTypeExtension<Product>
{
    public ProductAvailabilityFields()
    {
        Embedded<AvailabilityType>("availability");
    }
}
