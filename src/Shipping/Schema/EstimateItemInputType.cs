using GraphQL.Types;
using Shipping.Estimating;

namespace Shipping.Schema;

public sealed class EstimateItemInputType : InputObjectGraphType<EstimateItem>
{
    public EstimateItemInputType()
    {
        Name = "EstimateItemInput";
        Description = "One parcel.";
        Field<NonNullGraphType<IntGraphType>>("weightGrams").Description("The parcel's weight in grams.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("warehouses")
            .Description("The storefront warehouses holding the item; it ships from the quickest. Empty: backordered.");
    }

    public override object ParseDictionary(IDictionary<string, object?> value) =>
        new EstimateItem(
            Convert.ToInt32(value["weightGrams"], System.Globalization.CultureInfo.InvariantCulture),
            ((IEnumerable<object?>)value["warehouses"]!).Select(w => Convert.ToString(w, System.Globalization.CultureInfo.InvariantCulture)!).ToList());
}
