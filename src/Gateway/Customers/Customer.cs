using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Wishlists;

namespace Gateway.Customers;

public sealed class Customer
{
    public int Id { get; set; }
    public required string Name { get; set; }

    /// <summary>Private to the customer and to admins.</summary>
    public required string Email { get; set; }

    public DateTime MemberSince { get; set; }

    public List<Review> Reviews { get; set; } = [];
    public List<Order> Orders { get; set; } = [];

    // The Wishlists module's navigation: the engine still correlates a module's field on another's type through a
    // navigation property (issue 14, item 1 would join by the foreign key and remove it).
    public List<WishlistItem> Wishlist { get; set; } = [];
}
