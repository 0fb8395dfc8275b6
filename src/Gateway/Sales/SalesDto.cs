namespace Gateway.Sales;

/// <summary>
/// An order as the REST API serves it: its customer as an id, the status as the GraphQL enum names it
/// (<c>PAID</c>), and the derived <see cref="Total"/> (sum of the lines) and <see cref="ItemCount"/> (sum of quantities).
/// </summary>
public sealed record OrderDto(int Id, int CustomerId, string Status, DateTime PlacedAt, decimal Total, int ItemCount);

/// <summary>A line of an order: its order and product as ids.</summary>
public sealed record OrderLineDto(int Id, int OrderId, int ProductId, int Quantity, decimal UnitPrice);
