using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using static Gateway.Benchmarks.Screens.View;

namespace Gateway.Benchmarks.Screens;

/// <summary>The signed-in customer's account page: profile, 10 recent orders with lines, products and categories, 3 recent reviews.</summary>
internal sealed class OrderHistoryScreen : Screen
{
    private const int OrderCount = 10;

    public override string Name => "OrderHistory";

    public override JsonObject? Variables => new() { ["first"] = OrderCount };

    public override async Task<JsonNode> FetchRestAsync(GatewayClient client, ExchangeTally tally)
    {
        var me = await WaveAsync(tally, client.GetAsync("/api/me", tally));
        var id = me["id"];

        var second = await WaveAsync(tally,
        [
            client.GetAsync($"/api/customers/{id}/orders?limit={OrderCount}", tally),
            client.GetAsync($"/api/customers/{id}/reviews?limit=3", tally),
        ]);
        var (orders, reviews) = (second[0], second[1]);
        var orderItems = orders["items"]!.AsArray().Select(o => o!).ToList();
        var reviewItems = reviews["items"]!.AsArray().Select(r => r!).ToList();
        var reviewProductIds = reviewItems.Select(r => r["productId"]!.GetValue<int>()).Distinct().ToList();

        var third = await WaveAsync(tally,
            orderItems.Select(o => client.GetAsync($"/api/orders/{o["id"]}/lines", tally))
            .Concat(reviewProductIds.Select(p => client.GetAsync($"/api/products/{p}", tally))));
        var lines = orderItems.Select((_, i) => third[i].AsArray().Select(l => l!).ToList()).ToList();
        // A client caches what it already read: only products not fetched for the reviews are asked for.
        var products = reviewProductIds.Select((p, i) => (p, third[orderItems.Count + i])).ToDictionary(x => x.p, x => x.Item2);

        var missingProducts = lines.SelectMany(l => l).Select(l => l["productId"]!.GetValue<int>()).Distinct().Where(p => !products.ContainsKey(p)).ToList();
        if (missingProducts.Count > 0)
        {
            var fourth = await WaveAsync(tally, missingProducts.Select(p => client.GetAsync($"/api/products/{p}", tally)));
            foreach (var (p, product) in missingProducts.Zip(fourth))
            {
                products[p] = product;
            }
        }
        var categoryIds = lines.SelectMany(l => l).Select(l => products[l["productId"]!.GetValue<int>()]["categoryId"]!.GetValue<int>()).Distinct().ToList();
        var categories = new Dictionary<int, JsonNode>();
        if (categoryIds.Count > 0)
        {
            var fifth = await WaveAsync(tally, categoryIds.Select(c => client.GetAsync($"/api/categories/{c}", tally)));
            categories = categoryIds.Zip(fifth).ToDictionary(x => x.First, x => x.Second);
        }

        return Obj(("viewer", Obj(
            ("id", RestId(me["id"])), ("name", Text(me["name"])), ("email", Text(me["email"])), ("memberSince", Instant(me["memberSince"])),
            ("orders", Obj(("totalCount", Int(orders["totalCount"])),
                ("nodes", Arr(orderItems.Select((o, i) => Obj(
                    ("id", RestId(o["id"])), ("status", Text(o["status"])), ("placedAt", Instant(o["placedAt"])),
                    ("total", Money(o["total"])), ("itemCount", Int(o["itemCount"])),
                    ("lines", Arr(OrderLines(lines[i].Select(l =>
                    {
                        var product = products[l["productId"]!.GetValue<int>()];
                        return Obj(("quantity", Int(l["quantity"])), ("unitPrice", Money(l["unitPrice"])),
                            ("product", Obj(("id", RestId(product["id"])), ("name", Text(product["name"])),
                                ("category", Obj(("name", Text(categories[product["categoryId"]!.GetValue<int>()]["name"])))))));
                    })))))))))),
            ("reviews", Obj(("nodes", Arr(reviewItems.Select(r => Obj(
                ("id", RestId(r["id"])), ("rating", Int(r["rating"])), ("title", Text(r["title"])),
                ("product", Obj(("id", RestId(r["productId"])), ("name", Text(products[r["productId"]!.GetValue<int>()]["name"])))))))))))));
    }

    protected override JsonNode MapGraphQL(JsonNode data)
    {
        var viewer = data["viewer"] ?? throw new InvalidOperationException("OrderHistory: viewer is null (is the token sent?)");
        var orders = viewer["orders"]!;
        return Obj(("viewer", Obj(
            ("id", GraphId(viewer["id"], "Customer")), ("name", Text(viewer["name"])), ("email", Text(viewer["email"])), ("memberSince", Instant(viewer["memberSince"])),
            ("orders", Obj(("totalCount", Int(orders["totalCount"])),
                ("nodes", Arr(orders["nodes"]!.AsArray().Select(o => Obj(
                    ("id", GraphId(o!["id"], "Order")), ("status", Text(o["status"])), ("placedAt", Instant(o["placedAt"])),
                    ("total", Money(o["total"])), ("itemCount", Int(o["itemCount"])),
                    ("lines", Arr(OrderLines(o["lines"]!.AsArray().Select(l => Obj(
                        ("quantity", Int(l!["quantity"])), ("unitPrice", Money(l["unitPrice"])),
                        ("product", Obj(("id", GraphId(l["product"]!["id"], "Product")), ("name", Text(l["product"]!["name"])),
                            ("category", Obj(("name", Text(l["product"]!["category"]!["name"]))))))))))))))))),
            ("reviews", Obj(("nodes", Arr(viewer["reviews"]!["nodes"]!.AsArray().Select(r => Obj(
                ("id", GraphId(r!["id"], "Review")), ("rating", Int(r["rating"])), ("title", Text(r["title"])),
                ("product", Obj(("id", GraphId(r["product"]!["id"], "Product")), ("name", Text(r["product"]!["name"])))))))))))));
    }

    // Order.lines is a plain list without an order of its own: both sides compare it by product, then quantity.
    private static IEnumerable<JsonObject> OrderLines(IEnumerable<JsonObject> lines) =>
        lines.OrderBy(l => l["product"]!["id"]!.GetValue<int>()).ThenBy(l => l["quantity"]!.GetValue<int>());
}
