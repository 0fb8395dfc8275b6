using System.Text.Json.Nodes;
using Gateway.Benchmarks.Http;
using static Gateway.Benchmarks.Screens.View;

namespace Gateway.Benchmarks.Screens;

/// <summary>The product detail page: product, category and parent, rating, stock per warehouse, delivery estimate, 5 reviews with authors, 4 related.</summary>
internal sealed class ProductPageScreen(int productId) : Screen
{
    public override string Name => "ProductPage";

    public override JsonObject? Variables => new() { ["id"] = GlobalIds.Encode("Product", productId), ["country"] = DeliveryView.Country };

    public override async Task<JsonNode> FetchRestAsync(GatewayClient client, ExchangeTally tally)
    {
        var product = await WaveAsync(tally, client.GetAsync($"/api/products/{productId}", tally));

        var second = await WaveAsync(tally,
        [
            client.GetAsync($"/api/categories/{product["categoryId"]}", tally),
            client.GetAsync($"/api/products/{productId}/reviews?limit=5", tally),
            client.GetAsync($"/api/products/{productId}/stock", tally),
            client.GetAsync($"/api/products/{productId}/related?limit=4", tally),
            client.GetAsync($"/api/products/{productId}/rating", tally),
            // The product resource carries what the estimate needs (weight, stocked warehouses): no wave of its own.
            DeliveryView.FetchAsync(client, product, tally),
        ]);
        var (category, reviews, stock, related, rating, delivery) = (second[0], second[1], second[2], second[3].AsArray(), second[4], second[5]);

        var parentId = category["parentId"];
        var authorIds = reviews["items"]!.AsArray().Select(r => r!["authorId"]!.GetValue<int>()).Distinct().ToList();
        var stockRows = stock.AsArray().Select(s => s!).ToList();
        var third = await WaveAsync(tally,
            (parentId is null ? Array.Empty<Task<JsonNode>>() : new[] { client.GetAsync($"/api/categories/{parentId}", tally) })
            .Concat(authorIds.Select(id => client.GetAsync($"/api/customers/{id}", tally)))
            .Concat(stockRows.Select(s => client.GetAsync($"/api/warehouses/{s["warehouseId"]}", tally)))
            .Concat(related.Select(p => client.GetAsync($"/api/products/{p!["id"]}/rating", tally))));
        var rest = new Queue<JsonNode>(third);
        var parent = parentId is null ? null : rest.Dequeue();
        var authors = authorIds.ToDictionary(id => id, _ => rest.Dequeue());
        var warehouses = stockRows.Select(_ => rest.Dequeue()).ToList();
        var relatedRatings = related.Select(_ => rest.Dequeue()).ToList();

        var quantity = stockRows.Sum(s => s["quantity"]!.GetValue<int>());
        return Obj(
            ("id", RestId(product["id"])), ("sku", Text(product["sku"])), ("name", Text(product["name"])),
            ("description", Text(product["description"])), ("price", Money(product["price"])), ("currency", Text(product["currency"])),
            ("category", Obj(("id", RestId(category["id"])), ("name", Text(category["name"])), ("slug", Text(category["slug"])),
                ("parent", parent is null ? null : Obj(("id", RestId(parent["id"])), ("name", Text(parent["name"])), ("slug", Text(parent["slug"])))))),
            ("rating", Obj(("average", Average(rating["average"])), ("count", Int(rating["count"])))),
            ("availability", Obj(("inStock", Bool(quantity > 0)), ("quantity", JsonValue.Create(quantity)),
                ("warehouses", Arr(stockRows.Zip(warehouses).OrderBy(x => x.Second["id"]!.GetValue<int>()).Select(x => Obj(
                    ("quantity", Int(x.First["quantity"])),
                    ("warehouse", Obj(("id", RestId(x.Second["id"])), ("name", Text(x.Second["name"])), ("city", Text(x.Second["city"])))))))))),
            ("delivery", DeliveryView.FromRest(delivery)),
            ("reviews", Obj(("totalCount", Int(reviews["totalCount"])), ("hasNextPage", Bool(HasNextPage(reviews))),
                ("nodes", Arr(reviews["items"]!.AsArray().Select(r => Obj(
                    ("id", RestId(r!["id"])), ("rating", Int(r["rating"])), ("title", Text(r["title"])), ("body", Text(r["body"])),
                    ("createdAt", Instant(r["createdAt"])),
                    ("author", Obj(("id", RestId(r["authorId"])), ("name", Text(authors[r["authorId"]!.GetValue<int>()]["name"])))))))))),
            ("related", Arr(related.Zip(relatedRatings).Select(x => Obj(
                ("id", RestId(x.First!["id"])), ("name", Text(x.First!["name"])), ("price", Money(x.First!["price"])),
                ("rating", Obj(("average", Average(x.Second["average"])))))))));
    }

    protected override JsonNode MapGraphQL(JsonNode data)
    {
        var p = data["product"] ?? throw new InvalidOperationException("ProductPage: product is null");
        var category = p["category"]!;
        var parent = category["parent"];
        var availability = p["availability"]!;
        var reviews = p["reviews"]!;
        return Obj(
            ("id", GraphId(p["id"], "Product")), ("sku", Text(p["sku"])), ("name", Text(p["name"])),
            ("description", Text(p["description"])), ("price", Money(p["price"])), ("currency", Text(p["currency"])),
            ("category", Obj(("id", GraphId(category["id"], "Category")), ("name", Text(category["name"])), ("slug", Text(category["slug"])),
                ("parent", parent is null ? null : Obj(("id", GraphId(parent["id"], "Category")), ("name", Text(parent["name"])), ("slug", Text(parent["slug"])))))),
            ("rating", Obj(("average", Average(p["rating"]!["average"])), ("count", Int(p["rating"]!["count"])))),
            ("availability", Obj(("inStock", Bool(availability["inStock"]!.GetValue<bool>())), ("quantity", Int(availability["quantity"])),
                ("warehouses", Arr(availability["warehouses"]!.AsArray()
                    .OrderBy(w => GlobalIds.Decode(w!["warehouse"]!["id"]!.GetValue<string>(), "Warehouse"))
                    .Select(w => Obj(
                        ("quantity", Int(w!["quantity"])),
                        ("warehouse", Obj(("id", GraphId(w["warehouse"]!["id"], "Warehouse")), ("name", Text(w["warehouse"]!["name"])), ("city", Text(w["warehouse"]!["city"])))))))))),
            ("delivery", DeliveryView.FromGraphQL(p["delivery"])),
            ("reviews", Obj(("totalCount", Int(reviews["totalCount"])), ("hasNextPage", Bool(reviews["pageInfo"]!["hasNextPage"]!.GetValue<bool>())),
                ("nodes", Arr(reviews["nodes"]!.AsArray().Select(r => Obj(
                    ("id", GraphId(r!["id"], "Review")), ("rating", Int(r["rating"])), ("title", Text(r["title"])), ("body", Text(r["body"])),
                    ("createdAt", Instant(r["createdAt"])),
                    ("author", Obj(("id", GraphId(r["author"]!["id"], "Customer")), ("name", Text(r["author"]!["name"])))))))))),
            ("related", Arr(p["related"]!.AsArray().Select(r => Obj(
                ("id", GraphId(r!["id"], "Product")), ("name", Text(r["name"])), ("price", Money(r["price"])),
                ("rating", Obj(("average", Average(r["rating"]!["average"])))))))));
    }
}
