using Gateway.Auth;
using Gateway.EntityFramework.Types;
using Gateway.Store;

namespace Gateway.Customers;

public sealed class CustomerQueries : EntityQueries<StoreDbContext>
{
    public CustomerQueries()
    {
        Connection("customers", db => db.Customers);
        Single("viewer", (db, arguments) =>
            {
                var customerId = CustomerAccess.CustomerIdOf(arguments.Context.User);
                return db.Customers.Where(c => c.Id == customerId);
            })
            .Description("The signed-in customer, or null when the caller is anonymous.");
    }
}
