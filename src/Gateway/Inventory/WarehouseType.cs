using Gateway.EntityFramework.Types;

namespace Gateway.Inventory;

public sealed class WarehouseType : EntityType<Warehouse>
{
    public WarehouseType()
    {
        Name = "Warehouse";
        Id(w => w.Id);
        Field(w => w.Name);
        Field(w => w.City);
    }
}
