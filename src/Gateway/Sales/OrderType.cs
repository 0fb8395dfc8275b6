using Gateway.EntityFramework.Types;

namespace Gateway.Sales;

public sealed class OrderType : EntityType<Order>
{
    public OrderType()
    {
        Name = "Order";
        Id(o => o.Id);
        // An order belongs to its customer (and admins): the engine narrows every path to orders by this rule.
        RowRule(OrderVisibility.Orders);
        Reference(o => o.Customer);
        Field(o => o.Status);
        Field(o => o.PlacedAt);
        List(o => o.Lines);
        // Computed in SQL, never by loading the lines.
        Field("total", o => o.Lines.Sum(l => l.UnitPrice * l.Quantity)).Description("Sum of the lines' unit price times quantity.");
        Field("itemCount", o => o.Lines.Sum(l => l.Quantity)).Description("Sum of the lines' quantities.");
    }
}
