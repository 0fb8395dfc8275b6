using Gateway.Auth;
using Gateway.Customers;
using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Wishlists;

public sealed class WishlistQueries : EntityQueries<StoreDbContext>
{
    public WishlistQueries()
    {
        // As the root orders field: the row rule narrows it to the caller's own items (every item for an admin, the
        // back office's "what is wished for"), in the query itself, so a page and totalCount count nothing else.
        Connection("wishlistItems", (db, _) => db.WishlistItems)
            .Description("Every wishlist item for an admin, the caller's own for a signed-in customer; anonymous callers get an authentication error.")
            .Authorize(CustomerPolicies.SignedIn);
    }
}
