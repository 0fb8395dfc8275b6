namespace Gateway.Sales;

/// <summary>Published after an order's status change is committed (also on cancellation), for <c>onOrderStatusChanged</c>.</summary>
public sealed record OrderStatusChanged(int OrderId, int CustomerId, OrderStatus PreviousStatus, OrderStatus Status);

/// <summary>Event-bus topics of the Sales module.</summary>
public static class OrderTopics
{
    /// <summary>Every order's status changes; subscribers filter by <see cref="OrderStatusChanged.CustomerId"/> unless admin.</summary>
    public const string StatusChanges = "orders";
}
