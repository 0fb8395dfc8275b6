using Gateway.Catalog;
using Gateway.EntityFramework.Types;

namespace Gateway.Inventory;

/// <summary>A product's stock over all warehouses, computed in SQL.</summary>
public sealed class AvailabilityType : EmbeddedType<Product>
{
    public AvailabilityType()
    {
        Name = "Availability";
        Field("inStock", p => Related<StockLevel>.Of(p, s => s.ProductId).Any(s => s.Quantity > 0));
        Field("quantity", p => Related<StockLevel>.Of(p, s => s.ProductId).Sum(s => s.Quantity)).Description("Units summed over all warehouses.");
        List<StockLevel>("warehouses", s => s.ProductId).Description("The stock level in each warehouse.");
    }
}
