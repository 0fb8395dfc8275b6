using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Wishlists;

/// <summary>What the Wishlists module adds to Customer: the wishlist, private to its owner and admins, as orders are.</summary>
public sealed class CustomerWishlistFields : EntityTypeExtension<Customer>
{
    public CustomerWishlistFields()
    {
        // The row rule already narrows the items to the caller's own; the field policy makes another customer's
        // wishlist null with an authorization error (as Customer.orders), rather than an empty page.
        Connection<WishlistItem>("wishlist", w => w.CustomerId)
            .Description("Visible to the customer and to admins only; null with an authorization error for anyone else.")
            .Nullable()
            .Authorize(CustomerPolicies.OwnerOrAdmin);
    }
}
