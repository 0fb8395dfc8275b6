using GraphQL.Types;

namespace Gateway.Sales;

/// <summary><c>input OrderLineInput { productId: ID!, quantity: Int! }</c>: the unit price always comes from the store.</summary>
public sealed class PlaceOrderLineInputType : InputObjectGraphType
{
    public PlaceOrderLineInputType()
    {
        Name = "OrderLineInput";
        Field<NonNullGraphType<IdGraphType>>("productId");
        Field<NonNullGraphType<IntGraphType>>("quantity").Description("1 to 99.");
    }
}
