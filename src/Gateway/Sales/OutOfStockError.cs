using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;
using Gateway.Errors;

namespace Gateway.Sales;

/// <summary>
/// Fewer units of a product are in stock, over all warehouses, than a line asks for
/// (<c>OutOfStockError { message productId requested available }</c>).
/// </summary>
[Description("Fewer units are in stock, over all warehouses, than the line asks for.")]
public sealed class OutOfStockException(int productId, string productName, int requested, int available)
    : DomainException(available == 0
        ? $"\"{productName}\" is out of stock."
        : $"Only {available} of \"{productName}\" in stock; {requested} requested.")
{
    [GlobalId<Product>]
    public int ProductId { get; } = productId;

    public int Requested { get; } = requested;

    [Description("Units in stock now, over all warehouses.")]
    public int Available { get; } = available;
}
