using System.Globalization;
using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using static Gateway.Benchmarks.Screens.View;

namespace Gateway.Benchmarks.Screens;

/// <summary>A category listing: the category with its count and children, then 20 products under a price cap with rating, stock and delivery.</summary>
internal sealed class CatalogPageScreen(string slug, decimal maxPrice) : Screen
{
    private const int PageSize = 20;

    public override string Name => "CatalogPage";

    public override JsonObject? Variables => new() { ["slug"] = slug, ["maxPrice"] = maxPrice, ["first"] = PageSize, ["country"] = DeliveryView.Country };

    public override async Task<JsonNode> FetchRestAsync(GatewayClient client, ExchangeTally tally)
    {
        var found = await WaveAsync(tally, client.GetAsync($"/api/categories?slug={Uri.EscapeDataString(slug)}", tally));
        var category = found.AsArray().Single() ?? throw new InvalidOperationException($"No category {slug}");
        var id = category["id"];
        var price = maxPrice.ToString(CultureInfo.InvariantCulture);

        var second = await WaveAsync(tally,
        [
            client.GetAsync($"/api/categories/{id}/children", tally),
            client.GetAsync($"/api/categories/{id}/product-count", tally),
            client.GetAsync($"/api/products?categoryId={id}&maxPrice={price}&sort=price&limit={PageSize}", tally),
        ]);
        var (children, count, products) = (second[0].AsArray(), second[1], second[2]);

        var items = products["items"]!.AsArray().Select(p => p!).ToList();
        // Per listed product: its rating, its stock and its delivery estimate (one shipping call per product, as a
        // client of a plain REST service makes them; the list's product resources carry weight and warehouses).
        const int PerProduct = 3;
        var third = await WaveAsync(tally, items.SelectMany(p => new[]
        {
            client.GetAsync($"/api/products/{p["id"]}/rating", tally),
            client.GetAsync($"/api/products/{p["id"]}/stock", tally),
            DeliveryView.FetchAsync(client, p, tally),
        }));

        return Obj(
            ("category", Obj(("id", RestId(category["id"])), ("name", Text(category["name"])), ("productCount", Int(count["count"])),
                ("children", Arr(children.OrderBy(c => c!["id"]!.GetValue<int>()).Select(c => Obj(
                    ("id", RestId(c!["id"])), ("name", Text(c["name"])), ("slug", Text(c["slug"])))))))),
            ("products", Obj(("totalCount", Int(products["totalCount"])), ("hasNextPage", Bool(HasNextPage(products))),
                ("nodes", Arr(items.Select((p, i) => Obj(
                    ("id", RestId(p["id"])), ("name", Text(p["name"])), ("price", Money(p["price"])),
                    ("rating", Obj(("average", Average(third[PerProduct * i]["average"])), ("count", Int(third[PerProduct * i]["count"])))),
                    ("availability", Obj(("inStock", Bool(third[(PerProduct * i) + 1].AsArray().Sum(s => s!["quantity"]!.GetValue<int>()) > 0)))),
                    ("delivery", DeliveryView.FromRest(third[(PerProduct * i) + 2])))))))));
    }

    protected override JsonNode MapGraphQL(JsonNode data)
    {
        var category = data["category"] ?? throw new InvalidOperationException($"CatalogPage: no category {slug}");
        var products = data["products"]!;
        return Obj(
            ("category", Obj(("id", GraphId(category["id"], "Category")), ("name", Text(category["name"])), ("productCount", Int(category["productCount"])),
                ("children", Arr(category["children"]!.AsArray().OrderBy(c => GlobalIds.Decode(c!["id"]!.GetValue<string>(), "Category")).Select(c => Obj(
                    ("id", GraphId(c!["id"], "Category")), ("name", Text(c["name"])), ("slug", Text(c["slug"])))))))),
            ("products", Obj(("totalCount", Int(products["totalCount"])), ("hasNextPage", Bool(products["pageInfo"]!["hasNextPage"]!.GetValue<bool>())),
                ("nodes", Arr(products["edges"]!.AsArray().Select(e => e!["node"]!).Select(p => Obj(
                    ("id", GraphId(p["id"], "Product")), ("name", Text(p["name"])), ("price", Money(p["price"])),
                    ("rating", Obj(("average", Average(p["rating"]!["average"])), ("count", Int(p["rating"]!["count"])))),
                    ("availability", Obj(("inStock", Bool(p["availability"]!["inStock"]!.GetValue<bool>())))),
                    ("delivery", DeliveryView.FromGraphQL(p["delivery"])))))))));
    }
}
