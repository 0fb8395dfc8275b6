using Gateway.EntityFramework.Types;

namespace Gateway.Customers;

public sealed class CustomerType : EntityType<Customer>
{
    public CustomerType()
    {
        Name = "Customer";
        Id(c => c.Id);
        Field(c => c.Name);
        Field(c => c.Email)
            .Description("Visible to the customer and to admins only; null with an authorization error for anyone else.")
            .Nullable()
            .Authorize(CustomerPolicies.OwnerOrAdmin);
        Field(c => c.MemberSince);
    }
}
