namespace Gateway.Inventory;

/// <summary>A warehouse as the REST API serves it.</summary>
public sealed record WarehouseDto(int Id, string Name, string City);

/// <summary>Units of one product in one warehouse, both as ids.</summary>
public sealed record StockLevelDto(int ProductId, int WarehouseId, int Quantity);
