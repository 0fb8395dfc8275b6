using GraphQL.Types;

namespace Gateway.Sales;

/// <summary><c>input PlaceOrderInput { lines: [OrderLineInput!]! }</c>.</summary>
public sealed class PlaceOrderInputType : InputObjectGraphType
{
    public PlaceOrderInputType()
    {
        Name = "PlaceOrderInput";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<PlaceOrderLineInputType>>>>("lines")
            .Description("1 to 50 lines; lines of the same product are merged.");
    }
}
