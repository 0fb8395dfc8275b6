namespace Gateway.Sales;

/// <summary>Lifecycle of an order: PENDING, PAID, SHIPPED, DELIVERED, or CANCELLED while PENDING or PAID.</summary>
public enum OrderStatus
{
    Pending,
    Paid,
    Shipped,
    Delivered,
    Cancelled,
}
