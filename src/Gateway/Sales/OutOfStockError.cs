using Gateway.EntityFramework.Relay;
using Gateway.Errors;
using GraphQL.Types;

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

/// <summary><c>OutOfStockError { message productId requested available }</c>.</summary>
public sealed class OutOfStockErrorType : ErrorObjectType<OutOfStockException>
{
    public OutOfStockErrorType() : base("Fewer units are in stock, over all warehouses, than the line asks for.")
    {
        Field<NonNullGraphType<IdGraphType>>("productId").Resolve(context => GlobalId.Encode("Product", context.Source.ProductId));
        Field<NonNullGraphType<IntGraphType>>("requested").Resolve(context => context.Source.Requested);
        Field<NonNullGraphType<IntGraphType>>("available").Description("Units in stock now, over all warehouses.").Resolve(context => context.Source.Available);
    }
}
