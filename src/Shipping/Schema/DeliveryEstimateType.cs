using GraphQL.Types;
using Shipping.Estimating;

namespace Shipping.Schema;

public sealed class DeliveryEstimateType : ObjectGraphType<DeliveryEstimate>
{
    public DeliveryEstimateType()
    {
        Name = "DeliveryEstimate";
        Description = "When a parcel arrives and what its delivery costs.";
        Field(e => e.Days).Description("Days from order to delivery: the warehouse's handling days plus the carrier's transit.");
        Field(e => e.Cost, type: typeof(NonNullGraphType<DecimalGraphType>)).Description("Exact money, in the currency.");
        Field(e => e.Currency);
        Field<NonNullGraphType<CarrierType>, Store.Carrier>("carrier").Resolve(context => context.Source.Carrier);
    }
}
