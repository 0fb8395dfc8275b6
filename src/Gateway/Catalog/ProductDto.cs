namespace Gateway.Catalog;

/// <summary>A product as the REST API serves it: its own fields and its category as an id.</summary>
public sealed record ProductDto(
    int Id, string Sku, string Name, string Description, decimal Price, string Currency, DateTime CreatedAt, int CategoryId);
