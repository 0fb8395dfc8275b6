using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Inventory;

/// <summary>A product's stock over all warehouses, computed in SQL.</summary>
public sealed class AvailabilityType : EmbeddedType<Product>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Field("inStock", p => p.StockLevels.Any(s => s.Quantity > 0));
        Field("quantity", p => p.StockLevels.Sum(s => s.Quantity)).Description("Units summed over all warehouses.");
        List("warehouses", p => p.StockLevels).Description("The stock level in each warehouse.");
    }
}
