using Gateway.Catalog;

namespace Gateway.Sales;

public sealed class OrderLine
{
    public int Id { get; set; }
    public int OrderId { get; set; }
    public Order Order { get; set; } = null!;
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;

    /// <summary>At least 1.</summary>
    public int Quantity { get; set; }

    /// <summary>The product's price when the order was placed, never the client's word.</summary>
    public decimal UnitPrice { get; set; }
}
