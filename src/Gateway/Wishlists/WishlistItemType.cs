using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Wishlists;

public sealed class WishlistItemType : EntityType<WishlistItem>
{
    public WishlistItemType()
    {
        Name = "WishlistItem";
        Id(w => w.Id);
        // A wishlist is as private as an order: every path to an item (node, nodes, a payload) checks its owner.
        AuthorizeRows(CustomerPolicies.OwnerOrAdmin);
        AuthorizationResource(w => w.CustomerId);
        Reference(w => w.Product);
        Reference(w => w.Customer);
        Field(w => w.AddedAt);
    }
}
