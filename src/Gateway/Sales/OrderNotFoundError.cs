using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>
/// No such order, or none the caller may see (<c>OrderNotFoundError</c>): another customer's order is reported
/// as missing, so the mutation does not reveal which order ids exist.
/// </summary>
public sealed class OrderNotFoundException(int orderId) : DomainException("The order does not exist.")
{
    public int OrderId { get; } = orderId;
}
