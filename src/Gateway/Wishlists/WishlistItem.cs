using Gateway.Catalog;
using Gateway.Customers;

namespace Gateway.Wishlists;

/// <summary>A product a customer keeps for later: at most one item per customer and product.</summary>
public sealed class WishlistItem
{
    public int Id { get; set; }
    public int CustomerId { get; set; }
    public Customer Customer { get; set; } = null!;
    public int ProductId { get; set; }
    public Product Product { get; set; } = null!;
    public DateTime AddedAt { get; set; }
}
