using System.ComponentModel;
using Gateway.EntityFramework.Mutations;

namespace Gateway.Sales;

/// <summary>The order and the status it moves to (<c>UpdateOrderStatusInput</c>).</summary>
public sealed record UpdateOrderStatusInput(
    [GlobalId<Order>] int OrderId,
    [Description("The next status: PAID, SHIPPED or DELIVERED.")] OrderStatus Status);
