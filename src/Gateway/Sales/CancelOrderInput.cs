using Gateway.EntityFramework.Mutations;

namespace Gateway.Sales;

/// <summary>The order to cancel (<c>CancelOrderInput</c>).</summary>
public sealed record CancelOrderInput([GlobalId<Order>] int OrderId);
