using Gateway.Auth;
using Gateway.Customers;
using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Sales;

public sealed class SalesQueries : EntityQueries<StoreDbContext>
{
    public SalesQueries()
    {
        Connection("orders", (db, arguments) =>
            {
                var user = arguments.Context.User;
                if (CustomerAccess.IsAdmin(user))
                {
                    return db.Orders;
                }
                var customerId = CustomerAccess.CustomerIdOf(user);
                return db.Orders.Where(o => o.CustomerId == customerId);
            })
            .Description("Every order for an admin, the caller's own for a signed-in customer; anonymous callers get an authentication error.")
            .Authorize(CustomerPolicies.SignedIn);
    }
}
