using System.ComponentModel;
using Gateway.Catalog;
using Gateway.EntityFramework.Mutations;
using GraphQL;

namespace Gateway.Sales;

/// <summary>A new order as the client asks for it (<c>PlaceOrderInput</c>).</summary>
public sealed record PlaceOrderInput(
    [Description("1 to 50 lines; lines of the same product are merged.")] IReadOnlyList<OrderLineRequest> Lines);

/// <summary>One line of a new order as the client asks for it (<c>OrderLineInput</c>); the price comes from the store.</summary>
[Name("OrderLineInput")]
public sealed record OrderLineRequest(
    [GlobalId<Product>] int ProductId,
    [Description("1 to 99.")] int Quantity);
