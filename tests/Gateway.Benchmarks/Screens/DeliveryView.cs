using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using static Gateway.Benchmarks.Screens.View;

namespace Gateway.Benchmarks.Screens;

/// <summary>
/// A product's delivery estimate on a screen, both ways: the GraphQL screens' <c>delivery(country:)</c>, and the call a
/// plain REST client makes to the shipping service's REST counterpart for each product it shows.
/// </summary>
internal static class DeliveryView
{
    /// <summary>The destination both ways ask about (sent as the screens' <c>$country</c>, whose default it also is).</summary>
    public const string Country = "DE";

    /// <summary>
    /// One product's estimate from <c>GET /shipping/estimates</c> (the gateway's embedded shipping service), with the
    /// weight and stocked warehouses the REST product resource carries.
    /// </summary>
    public static Task<JsonNode> FetchAsync(GatewayClient client, JsonNode product, ExchangeTally tally)
    {
        var warehouses = string.Join(",", product["warehouseIds"]!.AsArray().Select(w => w!.GetValue<int>()));
        return client.GetShippingAsync($"/shipping/estimates?country={Country}&weightGrams={product["weightGrams"]}&warehouses={warehouses}", tally);
    }

    public static JsonNode FromRest(JsonNode estimate) => Map(estimate);

    public static JsonNode? FromGraphQL(JsonNode? delivery) => delivery is null ? null : Map(delivery);

    private static JsonObject Map(JsonNode estimate) => Obj(
        ("days", Int(estimate["days"])), ("cost", Money(estimate["cost"])), ("currency", Text(estimate["currency"])),
        ("carrier", Obj(("code", Text(estimate["carrier"]!["code"])), ("name", Text(estimate["carrier"]!["name"])))));
}
