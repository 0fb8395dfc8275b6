using Gateway.EntityFramework.Types;

namespace Gateway.Sales;

public sealed class OrderLineType : EntityType<OrderLine>
{
    public OrderLineType()
    {
        Name = "OrderLine";
        Id(l => l.Id);
        RowRule(OrderVisibility.Lines);
        Reference(l => l.Order);
        Reference(l => l.Product);
        Field(l => l.Quantity);
        Field(l => l.UnitPrice).Description("The product's price when the order was placed.");
    }
}
