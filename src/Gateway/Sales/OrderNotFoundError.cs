using System.ComponentModel;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>
/// No such order, or none the caller may see (<c>OrderNotFoundError { message orderId }</c>): another customer's order
/// is reported as missing, so the mutation does not reveal which order ids exist.
/// </summary>
[Description("No such order, or none the caller may see.")]
public sealed class OrderNotFoundException(int orderId) : DomainException("The order does not exist.")
{
    [GlobalId<Order>]
    public int OrderId { get; } = orderId;
}
