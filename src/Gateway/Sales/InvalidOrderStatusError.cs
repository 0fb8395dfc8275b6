using System.ComponentModel;
using Gateway.Errors;
using GraphQL;

namespace Gateway.Sales;

/// <summary>The order's status does not allow the change (<c>InvalidOrderStatusError { message status }</c>).</summary>
[Description("The order's status does not allow the change.")]
public sealed class InvalidOrderStatusException(OrderStatus current, OrderStatus requested, string message) : DomainException(message)
{
    [Name("status")]
    [Description("The order's current status.")]
    public OrderStatus Current { get; } = current;

    // The client sent it; repeating it in the error would add nothing.
    [Ignore]
    public OrderStatus Requested { get; } = requested;
}
