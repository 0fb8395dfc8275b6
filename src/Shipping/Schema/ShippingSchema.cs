namespace Shipping.Schema;

public sealed class ShippingSchema : GraphQL.Types.Schema
{
    public ShippingSchema(IServiceProvider services, ShippingQuery query)
        : base(services)
    {
        Query = query;
        Description = "The shipping service: carriers, rates and delivery estimates.";
    }
}
