using GraphQL;
using GraphQL.Types;
using Shipping.Estimating;

namespace Shipping.Schema;

public sealed class ShippingQuery : ObjectGraphType
{
    /// <summary>Most parcels per call: more than the distinct parcels of any gateway screen (97 weights × 16 warehouse sets at most per country).</summary>
    public const int MaxItems = 2_000;

    public ShippingQuery()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<DeliveryEstimateType>>>("estimates")
            .Description("Delivery estimates for many parcels to one country, in the order of the items; null for a parcel no carrier takes (heavier than 31.5 kg).")
            .Argument<NonNullGraphType<StringGraphType>>("country", "ISO 3166-1 alpha-2 code of the destination.")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<EstimateItemInputType>>>>("items")
            .ResolveAsync(async context =>
            {
                var items = context.GetArgument<List<EstimateItem>>("items");
                if (items.Count > MaxItems)
                {
                    throw new ExecutionError($"At most {MaxItems} items per call.") { Code = "TOO_MANY_ITEMS" };
                }

                var estimator = context.RequestServices!.GetRequiredService<Estimator>();
                return await estimator.EstimateAsync(context.GetArgument<string>("country"), items, context.CancellationToken);
            });
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<CarrierType>>>>("carriers")
            .Description("Every carrier, by code.")
            .ResolveAsync(async context =>
            {
                var estimator = context.RequestServices!.GetRequiredService<CarrierDirectory>();
                return await estimator.ListAsync(context.CancellationToken);
            });
    }
}
