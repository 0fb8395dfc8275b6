using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Sales;

/// <summary>What the Sales module adds to Customer: the orders, private to their owner and admins.</summary>
public sealed class CustomerOrderFields : EntityTypeExtension<Customer>
{
    public CustomerOrderFields()
    {
        Connection<Order>("orders", o => o.CustomerId)
            .Description("Visible to the customer and to admins only; null with an authorization error for anyone else.")
            .Nullable()
            .Authorize(CustomerPolicies.OwnerOrAdmin);
    }
}
