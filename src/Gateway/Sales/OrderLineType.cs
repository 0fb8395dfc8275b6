using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Sales;

public sealed class OrderLineType : EntityType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Id(l => l.Id);
        AuthorizeRows(CustomerPolicies.OwnerOrAdmin);
        AuthorizationResource(l => l.Order.CustomerId);
        Reference(l => l.Order);
        Reference(l => l.Product);
        Field(l => l.Quantity);
        Field(l => l.UnitPrice).Description("The product's price when the order was placed.");
    }
}
