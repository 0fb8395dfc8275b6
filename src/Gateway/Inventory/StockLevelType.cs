using Gateway.EntityFramework.Types;

namespace Gateway.Inventory;

/// <summary>Units of a product in one warehouse. Not a Node: it is identified by its product and warehouse.</summary>
public sealed class StockLevelType : EntityType<StockLevel>
{
    public StockLevelType()
    {
        Name = "StockLevel";
        Reference(s => s.Warehouse);
        Field(s => s.Quantity);
    }
}
