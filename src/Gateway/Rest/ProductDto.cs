namespace Gateway.Rest;

/// <summary>
/// A product as the REST API serves it: its own fields (its weight included, what shipping prices by), its category as
/// an id, and the ids of the warehouses holding stock of it (quantity above 0, ascending): with the weight, what a
/// client needs to ask the shipping service for a delivery estimate without reading the product's stock first.
/// </summary>
public sealed record ProductDto(
    int Id, string Sku, string Name, string Description, decimal Price, string Currency, DateTime CreatedAt, int CategoryId,
    int WeightGrams, List<int> WarehouseIds);
