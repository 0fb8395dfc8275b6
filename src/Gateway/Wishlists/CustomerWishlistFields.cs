using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Wishlists;

/// <summary>What the Wishlists module adds to Customer: the wishlist, private to its owner and admins, as orders are.</summary>
public sealed class CustomerWishlistFields : EntityTypeExtension<Customer>
{
    public CustomerWishlistFields()
    {
        // The field's own guard, beside the type's row rule: the engine checks row rules on references, root singles
        // and node/nodes, not yet on the rows of a nested connection (issue 14, item 4).
        Connection("wishlist", c => c.Wishlist)
            .Description("Visible to the customer and to admins only; null with an authorization error for anyone else.")
            .Nullable()
            .Authorize(CustomerPolicies.OwnerOrAdmin);
    }
}
