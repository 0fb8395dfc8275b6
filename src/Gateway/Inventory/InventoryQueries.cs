using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Inventory;

public sealed class InventoryQueries : EntityQueries<StoreDbContext>
{
    public InventoryQueries()
    {
        List("warehouses", db => db.Warehouses.OrderBy(w => w.Id));
    }
}
