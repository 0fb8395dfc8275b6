namespace Gateway.Tests.Rest;

// The wire shapes as a client reads them: independent of the gateway's DTO types, so a renamed property fails here.
internal sealed record Page<T>(List<T> Items, int TotalCount, int Limit, int Offset);
internal sealed record ProductJson(int Id, string Sku, string Name, string Description, decimal Price, string Currency, DateTimeOffset CreatedAt, int CategoryId,
    int WeightGrams, List<int> WarehouseIds);
internal sealed record CategoryJson(int Id, string Name, string Slug, int? ParentId, int Depth);
internal sealed record CustomerJson(int Id, string Name, string? Email, DateTimeOffset MemberSince);
internal sealed record ReviewJson(int Id, int ProductId, int AuthorId, int Rating, string Title, string? Body, DateTimeOffset CreatedAt);
internal sealed record RatingJson(int ProductId, double? Average, int Count);
internal sealed record StockJson(int ProductId, int WarehouseId, int Quantity);
internal sealed record WarehouseJson(int Id, string Name, string City);
internal sealed record OrderJson(int Id, int CustomerId, string Status, DateTimeOffset PlacedAt, decimal Total, int ItemCount);
internal sealed record OrderLineJson(int Id, int OrderId, int ProductId, int Quantity, decimal UnitPrice);
internal sealed record ProductCountJson(int CategoryId, int Count);
