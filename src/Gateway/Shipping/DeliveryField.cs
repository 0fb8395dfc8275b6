using Gateway.DataLoader;
using GraphQL;
using GraphQL.Types;

namespace Gateway.Shipping;

/// <summary>The <c>delivery(country:)</c> field's argument and resolver, shared by the entity types that have it.</summary>
internal static class DeliveryField
{
    public const string Name = "delivery";

    public static readonly QueryArgument CountryArgument = new QueryArgument<NonNullGraphType<StringGraphType>>
    {
        Name = "country",
        Description = "ISO 3166-1 alpha-2 code of the destination, e.g. DE.",
    };

    public static ValueTask<object?> Resolve(IResolveFieldContext context, string requirement)
    {
        var request = DeliveryRequest.From(context.GetArgument<string>("country"), requirement);
        // A fresh error per field: GraphQL.NET writes the field's path into the error it catches.
        var result = context.GetDataLoader<DeliveryEstimateLoader>().LoadAsync(request)
            .Then(outcome => outcome is { ErrorCode: { } code }
                ? throw UpstreamErrors.Create(code, outcome.ErrorMessage ?? code)
                : outcome?.Estimate);
        return ValueTask.FromResult<object?>(result);
    }
}
