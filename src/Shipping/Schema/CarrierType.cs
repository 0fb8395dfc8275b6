using GraphQL.Types;
using Shipping.Store;

namespace Shipping.Schema;

public sealed class CarrierType : ObjectGraphType<Carrier>
{
    public CarrierType()
    {
        Name = "Carrier";
        Description = "A parcel carrier.";
        Field(c => c.Code).Description("The carrier's short code, e.g. PARCELO.");
        Field(c => c.Name);
    }
}
