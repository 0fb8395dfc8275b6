namespace Gateway.Sales;

/// <summary>One line of a new order as the client asks for it; the price comes from the store.</summary>
public sealed record OrderLineRequest(int ProductId, int Quantity);
