using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>The order's status does not allow the change (<c>InvalidOrderStatusError</c>).</summary>
public sealed class InvalidOrderStatusException(OrderStatus current, OrderStatus requested, string message) : DomainException(message)
{
    public OrderStatus Current { get; } = current;
    public OrderStatus Requested { get; } = requested;
}
