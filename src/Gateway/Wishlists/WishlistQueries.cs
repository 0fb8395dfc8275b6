using Gateway.Auth;
using Gateway.Customers;
using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Wishlists;

public sealed class WishlistQueries : EntityQueries<StoreDbContext>
{
    public WishlistQueries()
    {
        // As the root orders field: the caller's own rows, every row for an admin (the back office's "what is wished
        // for"); filtered in the query itself, so a customer's page and totalCount never count anyone else's items.
        Connection("wishlistItems", (db, arguments) =>
            {
                var user = arguments.Context.User;
                if (CustomerAccess.IsAdmin(user))
                {
                    return db.WishlistItems;
                }
                var customerId = CustomerAccess.CustomerIdOf(user);
                return db.WishlistItems.Where(w => w.CustomerId == customerId);
            })
            .Description("Every wishlist item for an admin, the caller's own for a signed-in customer; anonymous callers get an authentication error.")
            .Authorize(CustomerPolicies.SignedIn);
    }
}
