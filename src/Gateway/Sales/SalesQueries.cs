using Gateway.Customers;
using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Sales;

public sealed class SalesQueries : EntityQueries<StoreDbContext>
{
    public SalesQueries()
    {
        // Which orders: Order's row rule (the caller's own, every one for an admin). The policy only makes an
        // anonymous caller an authentication error rather than an empty list.
        Connection("orders", db => db.Orders)
            .Description("Every order for an admin, the caller's own for a signed-in customer; anonymous callers get an authentication error.")
            .Authorize(CustomerPolicies.SignedIn);
    }
}
