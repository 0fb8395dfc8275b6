namespace Gateway.Inventory;

public sealed class Warehouse
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string City { get; set; }
    public List<StockLevel> StockLevels { get; set; } = [];
}
