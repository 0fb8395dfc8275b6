using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>Fewer units of a product are in stock, over all warehouses, than a line asks for (<c>OutOfStockError</c>).</summary>
public sealed class OutOfStockException(int productId, string productName, int requested, int available)
    : DomainException(available == 0
        ? $"\"{productName}\" is out of stock."
        : $"Only {available} of \"{productName}\" in stock; {requested} requested.")
{
    public int ProductId { get; } = productId;
    public int Requested { get; } = requested;
    public int Available { get; } = available;
}
