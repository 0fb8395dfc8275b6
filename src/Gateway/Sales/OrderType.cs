using Gateway.Customers;
using Gateway.EntityFramework.Types;

namespace Gateway.Sales;

public sealed class OrderType : EntityType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Id(o => o.Id);
        // An order and its lines belong to its customer: every path to one (node, nodes, a reference) checks it.
        AuthorizeRows(CustomerPolicies.OwnerOrAdmin);
        AuthorizationResource(o => o.CustomerId);
        Reference(o => o.Customer);
        Field(o => o.Status);
        Field(o => o.PlacedAt);
        List(o => o.Lines);
        // Computed in SQL, never by loading the lines.
        Field("total", o => o.Lines.Sum(l => l.UnitPrice * l.Quantity)).Description("Sum of the lines' unit price times quantity.");
        Field("itemCount", o => o.Lines.Sum(l => l.Quantity)).Description("Sum of the lines' quantities.");
    }
}
