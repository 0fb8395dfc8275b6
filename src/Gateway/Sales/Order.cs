using Gateway.Customers;

namespace Gateway.Sales;

public sealed class Order
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public OrderStatus Status { get; set; }
    public DateTime PlacedAt { get; set; }
    public List<OrderLine> Lines { get; set; } = [];
}
