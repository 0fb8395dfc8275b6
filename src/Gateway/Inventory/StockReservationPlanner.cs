namespace Gateway.Inventory;

/// <summary>
/// Decides which warehouses give the units of one order line: the largest stock first, ties broken by the lower
/// warehouse id, so the same stock always yields the same plan and orders drain the fullest warehouse first.
/// </summary>
public static class StockReservationPlanner
{
    /// <summary>The takes per warehouse, or null when all warehouses together hold fewer than <paramref name="quantity"/> units.</summary>
    public static IReadOnlyList<(int WarehouseId, int Quantity)>? Plan(IEnumerable<(int WarehouseId, int Quantity)> stock, int quantity)
    {
        var plan = new List<(int WarehouseId, int Quantity)>();
        var missing = quantity;
        foreach (var (warehouseId, available) in stock.Where(s => s.Quantity > 0)
                     .OrderByDescending(s => s.Quantity).ThenBy(s => s.WarehouseId))
        {
            if (missing == 0)
            {
                break;
            }
            var take = Math.Min(available, missing);
            plan.Add((warehouseId, take));
            missing -= take;
        }
        return missing == 0 ? plan : null;
    }
}
