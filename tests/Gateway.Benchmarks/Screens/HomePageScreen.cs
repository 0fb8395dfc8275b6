using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using static Gateway.Benchmarks.Screens.View;

namespace Gateway.Benchmarks.Screens;

/// <summary>The landing page: root categories with counts and children, 8 newest products, 8 budget picks with ratings.</summary>
internal sealed class HomePageScreen : Screen
{
    public override string Name => "HomePage";

    public override JsonObject? Variables => null;

    public override async Task<JsonNode> FetchRestAsync(GatewayClient client, ExchangeTally tally)
    {
        // The screen's `price: { lt: 10 }` on prices in cents is `maxPrice=9.99`, and `reviews: { some: { rating: { gte: 4 } } }` is `minRating=4`.
        var first = await WaveAsync(tally,
        [
            client.GetAsync("/api/categories?depth=0", tally),
            client.GetAsync("/api/products?sort=-createdAt&limit=8", tally),
            client.GetAsync("/api/products?maxPrice=9.99&minRating=4&sort=price&limit=8", tally),
        ]);
        var roots = first[0].AsArray().Select(c => c!).ToList();
        var newArrivals = first[1]["items"]!.AsArray();
        var budgetPicks = first[2]["items"]!.AsArray().Select(p => p!).ToList();

        var second = await WaveAsync(tally,
            roots.SelectMany(c => new[]
            {
                client.GetAsync($"/api/categories/{c["id"]}/children", tally),
                client.GetAsync($"/api/categories/{c["id"]}/product-count", tally),
            })
            .Concat(budgetPicks.Select(p => client.GetAsync($"/api/products/{p["id"]}/rating", tally))));

        return Obj(
            ("categories", Arr(roots.Select((c, i) => Obj(
                ("id", RestId(c["id"])), ("name", Text(c["name"])), ("slug", Text(c["slug"])), ("productCount", Int(second[(2 * i) + 1]["count"])),
                ("children", Arr(second[2 * i].AsArray().OrderBy(x => x!["id"]!.GetValue<int>()).Select(x => Obj(
                    ("id", RestId(x!["id"])), ("name", Text(x["name"])), ("slug", Text(x["slug"])))))))))),
            ("newArrivals", Arr(newArrivals.Select(p => Obj(
                ("id", RestId(p!["id"])), ("name", Text(p["name"])), ("price", Money(p["price"])), ("createdAt", Instant(p["createdAt"])))))),
            ("budgetPicks", Arr(budgetPicks.Select((p, i) => Obj(
                ("id", RestId(p["id"])), ("name", Text(p["name"])), ("price", Money(p["price"])),
                ("rating", Obj(("average", Average(second[(2 * roots.Count) + i]["average"])), ("count", Int(second[(2 * roots.Count) + i]["count"])))))))));
    }

    protected override JsonNode MapGraphQL(JsonNode data) => Obj(
        ("categories", Arr(data["categories"]!.AsArray().Select(c => Obj(
            ("id", GraphId(c!["id"], "Category")), ("name", Text(c["name"])), ("slug", Text(c["slug"])), ("productCount", Int(c["productCount"])),
            ("children", Arr(c["children"]!.AsArray().OrderBy(x => GlobalIds.Decode(x!["id"]!.GetValue<string>(), "Category")).Select(x => Obj(
                ("id", GraphId(x!["id"], "Category")), ("name", Text(x["name"])), ("slug", Text(x["slug"])))))))))),
        ("newArrivals", Arr(data["newArrivals"]!["nodes"]!.AsArray().Select(p => Obj(
            ("id", GraphId(p!["id"], "Product")), ("name", Text(p["name"])), ("price", Money(p["price"])), ("createdAt", Instant(p["createdAt"])))))),
        ("budgetPicks", Arr(data["budgetPicks"]!["nodes"]!.AsArray().Select(p => Obj(
            ("id", GraphId(p!["id"], "Product")), ("name", Text(p["name"])), ("price", Money(p["price"])),
            ("rating", Obj(("average", Average(p["rating"]!["average"])), ("count", Int(p["rating"]!["count"])))))))));
}
