using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Shipping.Estimating;

namespace Shipping.Rest;

/// <summary>
/// The service's plain REST counterpart: <c>GET /estimates?country=DE&amp;weightGrams=500&amp;warehouses=1,2</c>
/// answers one parcel's estimate as JSON (a REST client asks once per item; the GraphQL <c>estimates</c> takes many).
/// Mapped as a path branch, not through endpoint routing: embedded in the gateway, the service runs in a branch of
/// the gateway's application, whose endpoint routing would put the route in the gateway's own route table.
/// </summary>
public static class ShippingRestApi
{
    public const string EstimatesPath = "/estimates";

    public static IApplicationBuilder UseShippingRestApi(this IApplicationBuilder app) =>
        app.Map(EstimatesPath, branch => branch.Run(async context => await (await HandleAsync(context)).ExecuteAsync(context)));

    private static async Task<IResult> HandleAsync(HttpContext context)
    {
        // Map matches the prefix: /estimates/anything is no resource of this API.
        if (context.Request.Path.HasValue && context.Request.Path != "/")
        {
            return TypedResults.NotFound();
        }

        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            context.Response.Headers.Allow = "GET, HEAD";
            return TypedResults.StatusCode(StatusCodes.Status405MethodNotAllowed);
        }

        var query = EstimateQuery.Parse(context.Request.Query);
        if (query.Errors.Count > 0)
        {
            return TypedResults.ValidationProblem(query.Errors, title: "Invalid query parameters.");
        }

        var estimator = context.RequestServices.GetRequiredService<Estimator>();
        IReadOnlyList<DeliveryEstimate?> estimates;
        try
        {
            estimates = await estimator.EstimateAsync(query.Country, [query.Item], context.RequestAborted);
        }
        catch (ExecutionError error) when (error.Code == "UNSUPPORTED_COUNTRY")
        {
            return NoEstimate(error.Code, error.Message);
        }

        if (estimates[0] is not { } estimate)
        {
            return NoEstimate("NO_CARRIER", $"No carrier takes a parcel of {query.Item.WeightGrams} g.");
        }

        return TypedResults.Ok(new EstimateResource(query.Country, query.Item.WeightGrams, query.Item.Warehouses,
            estimate.Days, estimate.Cost, estimate.Currency, new CarrierResource(estimate.Carrier.Code, estimate.Carrier.Name)));
    }

    /// <summary>A well-formed question without an answer: 404 with the reason and a code a client can switch on.</summary>
    private static IResult NoEstimate(string code, string detail) =>
        TypedResults.Problem(detail, statusCode: StatusCodes.Status404NotFound, title: "No estimate.",
            extensions: new Dictionary<string, object?> { ["code"] = code });
}
