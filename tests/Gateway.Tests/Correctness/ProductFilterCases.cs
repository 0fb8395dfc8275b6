using System.Text.Json.Nodes;
using Gateway.Catalog;

namespace Gateway.Tests.Correctness;

/// <summary>
/// Product filters by name: the <c>where</c> input as JSON (sent as a variable) and the same condition in LINQ.
/// Every operation kind of every scalar kind, computed fields, nesting and list quantifiers.
/// </summary>
internal static class ProductFilterCases
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private static readonly Product P1 = Store.ProductById[1];
    private static readonly Product P2 = Store.ProductById[2];
    private static readonly Product P3 = Store.ProductById[3];
    private static readonly Product P10 = Store.ProductById[10];

    private static readonly Dictionary<string, (string Where, Func<Product, bool> Expected)> _cases = new()
    {
        // Strings.
        ["name eq"] = ($$"""{ "name": { "eq": {{Json(P1.Name)}} } }""", p => p.Name == P1.Name),
        ["name neq"] = ($$"""{ "name": { "neq": {{Json(P1.Name)}} } }""", p => p.Name != P1.Name),
        ["name contains"] = ("""{ "name": { "contains": "Oak" } }""", p => p.Name.Contains("Oak", StringComparison.Ordinal)),
        ["name contains is case-sensitive"] = ("""{ "name": { "contains": "oak" } }""", p => p.Name.Contains("oak", StringComparison.Ordinal)),
        ["name ncontains"] = ("""{ "name": { "ncontains": "Oak" } }""", p => !p.Name.Contains("Oak", StringComparison.Ordinal)),
        ["name contains a literal %"] = ("""{ "name": { "contains": "%" } }""", p => p.Name.Contains('%')),
        ["name contains a literal _"] = ("""{ "name": { "contains": "_" } }""", p => p.Name.Contains('_')),
        ["name ncontains a literal %"] = ("""{ "name": { "ncontains": "%" } }""", p => !p.Name.Contains('%')),
        ["name in"] = ($$"""{ "name": { "in": [{{Json(P1.Name)}}, {{Json(P2.Name)}}, "No such product"] } }""", p => p.Name == P1.Name || p.Name == P2.Name),
        ["name nin"] = ($$"""{ "name": { "nin": [{{Json(P1.Name)}}, {{Json(P2.Name)}}] } }""", p => p.Name != P1.Name && p.Name != P2.Name),
        ["name startsWith"] = ("""{ "name": { "startsWith": "Smart" } }""", p => p.Name.StartsWith("Smart", StringComparison.Ordinal)),
        ["name startsWith is case-sensitive"] = ("""{ "name": { "startsWith": "smart" } }""", p => p.Name.StartsWith("smart", StringComparison.Ordinal)),
        ["name nstartsWith"] = ("""{ "name": { "nstartsWith": "Smart" } }""", p => !p.Name.StartsWith("Smart", StringComparison.Ordinal)),
        ["name endsWith"] = ("""{ "name": { "endsWith": "Lamp" } }""", p => p.Name.EndsWith("Lamp", StringComparison.Ordinal)),
        ["name endsWith is case-sensitive"] = ("""{ "name": { "endsWith": "lamp" } }""", p => p.Name.EndsWith("lamp", StringComparison.Ordinal)),
        ["name eq is case-sensitive"] = ($$"""{ "name": { "eq": {{Json(P1.Name.ToUpperInvariant())}} } }""", p => p.Name == P1.Name.ToUpperInvariant()),
        ["name nendsWith"] = ("""{ "name": { "nendsWith": "Lamp" } }""", p => !p.Name.EndsWith("Lamp", StringComparison.Ordinal)),
        ["sku startsWith a literal _"] = ("""{ "sku": { "startsWith": "SKU-00004_" } }""", p => p.Sku.StartsWith("SKU-00004_", StringComparison.Ordinal)),
        ["sku nstartsWith a literal %"] = ("""{ "sku": { "nstartsWith": "SKU-0%" } }""", p => !p.Sku.StartsWith("SKU-0%", StringComparison.Ordinal)),
        ["sku endsWith a literal %"] = ("""{ "sku": { "endsWith": "%7" } }""", p => p.Sku.EndsWith("%7", StringComparison.Ordinal)),
        ["sku nendsWith a literal _"] = ("""{ "sku": { "nendsWith": "_7" } }""", p => !p.Sku.EndsWith("_7", StringComparison.Ordinal)),
        ["sku startsWith"] = ("""{ "sku": { "startsWith": "SKU-0001" } }""", p => p.Sku.StartsWith("SKU-0001", StringComparison.Ordinal)),
        ["sku endsWith and contains"] = ("""{ "sku": { "endsWith": "7", "contains": "-00" } }""", p => p.Sku.EndsWith('7') && p.Sku.Contains("-00", StringComparison.Ordinal)),

        ["sku in an empty list"] = ("""{ "sku": { "in": [] } }""", _ => false),
        ["sku nin an empty list"] = ("""{ "sku": { "nin": [] } }""", _ => true),
        ["name eq null"] = ("""{ "name": { "eq": null } }""", _ => false),
        ["name neq null"] = ("""{ "name": { "neq": null } }""", _ => true),

        // Decimals.
        ["price eq"] = ($$"""{ "price": { "eq": {{Num(P3.Price)}} } }""", p => p.Price == P3.Price),
        ["price neq"] = ($$"""{ "price": { "neq": {{Num(P3.Price)}} } }""", p => p.Price != P3.Price),
        ["price in"] = ($$"""{ "price": { "in": [{{Num(P1.Price)}}, {{Num(P2.Price)}}, 0.01] } }""", p => p.Price == P1.Price || p.Price == P2.Price),
        ["price nin"] = ($$"""{ "price": { "nin": [{{Num(P1.Price)}}, {{Num(P2.Price)}}] } }""", p => p.Price != P1.Price && p.Price != P2.Price),
        ["price gt"] = ($$"""{ "price": { "gt": {{Num(P3.Price)}} } }""", p => p.Price > P3.Price),
        ["price ngt"] = ($$"""{ "price": { "ngt": {{Num(P3.Price)}} } }""", p => !(p.Price > P3.Price)),
        ["price gte"] = ($$"""{ "price": { "gte": {{Num(P3.Price)}} } }""", p => p.Price >= P3.Price),
        ["price ngte"] = ($$"""{ "price": { "ngte": {{Num(P3.Price)}} } }""", p => !(p.Price >= P3.Price)),
        ["price lt"] = ($$"""{ "price": { "lt": {{Num(P3.Price)}} } }""", p => p.Price < P3.Price),
        ["price nlt"] = ($$"""{ "price": { "nlt": {{Num(P3.Price)}} } }""", p => !(p.Price < P3.Price)),
        ["price lte"] = ($$"""{ "price": { "lte": {{Num(P3.Price)}} } }""", p => p.Price <= P3.Price),
        ["price nlte"] = ($$"""{ "price": { "nlte": {{Num(P3.Price)}} } }""", p => !(p.Price <= P3.Price)),
        ["price between (two operations)"] = ("""{ "price": { "gte": 10, "lt": 20.5 } }""", p => p.Price >= 10m && p.Price < 20.5m),
        ["price gt a value finer than cents"] = ("""{ "price": { "gt": 99.995 } }""", p => p.Price > 99.995m),
        // Prices are stored as whole cents: a finer operand is rounded the way that keeps each comparison's meaning.
        ["price gte a value finer than cents"] = ("""{ "price": { "gte": 99.995 } }""", p => p.Price >= 99.995m),
        ["price lt a value finer than cents"] = ("""{ "price": { "lt": 9.991 } }""", p => p.Price < 9.991m),
        ["price lte a value finer than cents"] = ("""{ "price": { "lte": 9.999 } }""", p => p.Price <= 9.999m),
        ["price eq a value finer than cents"] = ($$"""{ "price": { "eq": {{Num(P3.Price + 0.001m)}} } }""", p => p.Price == P3.Price + 0.001m),
        ["price neq a value finer than cents"] = ($$"""{ "price": { "neq": {{Num(P3.Price + 0.001m)}} } }""", p => p.Price != P3.Price + 0.001m),
        ["price in, one value finer than cents"] = ($$"""{ "price": { "in": [{{Num(P1.Price)}}, {{Num(P2.Price + 0.005m)}}] } }""", p => p.Price == P1.Price),
        ["price lt 100 (numeric, not text, order)"] = ("""{ "price": { "lt": 100 } }""", p => p.Price < 100m),

        // Dates.
        ["createdAt eq"] = ($$"""{ "createdAt": { "eq": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt == P10.CreatedAt),
        ["createdAt neq"] = ($$"""{ "createdAt": { "neq": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt != P10.CreatedAt),
        ["createdAt in"] = ($$"""{ "createdAt": { "in": [{{Instant(P10.CreatedAt)}}, {{Instant(P1.CreatedAt)}}] } }""", p => p.CreatedAt == P10.CreatedAt || p.CreatedAt == P1.CreatedAt),
        ["createdAt nin"] = ($$"""{ "createdAt": { "nin": [{{Instant(P10.CreatedAt)}}] } }""", p => p.CreatedAt != P10.CreatedAt),
        ["createdAt gt"] = ($$"""{ "createdAt": { "gt": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt > P10.CreatedAt),
        ["createdAt ngt"] = ($$"""{ "createdAt": { "ngt": {{Instant(P10.CreatedAt)}} } }""", p => !(p.CreatedAt > P10.CreatedAt)),
        ["createdAt gte"] = ($$"""{ "createdAt": { "gte": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt >= P10.CreatedAt),
        ["createdAt ngte"] = ($$"""{ "createdAt": { "ngte": {{Instant(P10.CreatedAt)}} } }""", p => !(p.CreatedAt >= P10.CreatedAt)),
        ["createdAt lt"] = ($$"""{ "createdAt": { "lt": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt < P10.CreatedAt),
        ["createdAt nlt"] = ($$"""{ "createdAt": { "nlt": {{Instant(P10.CreatedAt)}} } }""", p => !(p.CreatedAt < P10.CreatedAt)),
        ["createdAt lte"] = ($$"""{ "createdAt": { "lte": {{Instant(P10.CreatedAt)}} } }""", p => p.CreatedAt <= P10.CreatedAt),
        ["createdAt nlte"] = ($$"""{ "createdAt": { "nlte": {{Instant(P10.CreatedAt)}} } }""", p => !(p.CreatedAt <= P10.CreatedAt)),
        ["createdAt with an offset"] = ("""{ "createdAt": { "lt": "2025-06-01T02:00:00+02:00" } }""", p => p.CreatedAt < new DateTime(2025, 6, 1, 0, 0, 0, DateTimeKind.Utc)),

        // Ids.
        ["id eq"] = ($$"""{ "id": { "eq": "{{StoreOracle.Id("Product", 42)}}" } }""", p => p.Id == 42),
        ["id neq"] = ($$"""{ "id": { "neq": "{{StoreOracle.Id("Product", 42)}}" } }""", p => p.Id != 42),
        ["id in (one of another type)"] = ($$"""{ "id": { "in": ["{{StoreOracle.Id("Product", 5)}}", "{{StoreOracle.Id("Product", 6)}}", "{{StoreOracle.Id("Category", 7)}}"] } }""", p => p.Id is 5 or 6),
        ["id nin"] = ($$"""{ "id": { "nin": ["{{StoreOracle.Id("Product", 5)}}", "{{StoreOracle.Id("Product", 6)}}"] } }""", p => p.Id is not (5 or 6)),

        // Computed fields: numbers, floats (with null), booleans.
        ["rating count gte"] = ("""{ "rating": { "count": { "gte": 30 } } }""", p => Store.ReviewCount(p.Id) >= 30),
        ["rating average gte"] = ("""{ "rating": { "average": { "gte": 4.2 } } }""", p => Store.AverageRating(p.Id) >= 4.2),
        ["rating average eq null"] = ("""{ "rating": { "average": { "eq": null } } }""", p => Store.AverageRating(p.Id) is null),
        ["rating average nlt"] = ("""{ "rating": { "average": { "nlt": 3.5 } } }""", p => !(Store.AverageRating(p.Id) < 3.5)),
        ["availability inStock eq false"] = ("""{ "availability": { "inStock": { "eq": false } } }""", p => !Store.InStock(p.Id)),
        ["availability inStock neq false"] = ("""{ "availability": { "inStock": { "neq": false } } }""", p => Store.InStock(p.Id)),
        ["availability quantity gt"] = ("""{ "availability": { "quantity": { "gt": 300 } } }""", p => Store.StockQuantity(p.Id) > 300),
        ["availability warehouses some"] = ("""{ "availability": { "warehouses": { "some": { "warehouse": { "city": { "eq": "Munich" } }, "quantity": { "gte": 110 } } } } }""",
            p => Store.StockByProduct[p.Id].Any(s => Store.WarehouseById[s.WarehouseId].City == "Munich" && s.Quantity >= 110)),

        // and / or nesting.
        ["or"] = ("""{ "or": [{ "price": { "lt": 5 } }, { "price": { "gt": 495 } }] }""", p => p.Price < 5m || p.Price > 495m),
        ["and"] = ("""{ "and": [{ "name": { "contains": "Oak" } }, { "price": { "lt": 100 } }] }""", p => p.Name.Contains("Oak", StringComparison.Ordinal) && p.Price < 100m),
        ["and holding or"] = ("""{ "and": [{ "name": { "contains": "Steel" } }, { "or": [{ "category": { "slug": { "eq": "cookware" } } }, { "price": { "lt": 20 } }] }] }""",
            p => p.Name.Contains("Steel", StringComparison.Ordinal) && (Store.CategoryOf(p).Slug == "cookware" || p.Price < 20m)),
        ["or holding and, beside a field"] = ("""{ "sku": { "startsWith": "SKU-0000" }, "or": [{ "and": [{ "price": { "gte": 100 } }, { "price": { "lt": 200 } }] }, { "availability": { "inStock": { "eq": false } } }] }""",
            p => p.Sku.StartsWith("SKU-0000", StringComparison.Ordinal) && ((p.Price >= 100m && p.Price < 200m) || !Store.InStock(p.Id))),

        // Nested references.
        ["category slug"] = ("""{ "category": { "slug": { "eq": "headphones" } } }""", p => Store.CategoryOf(p).Slug == "headphones"),
        ["category parent slug"] = ("""{ "category": { "parent": { "slug": { "eq": "books" } } } }""", p => Store.ParentOf(Store.CategoryOf(p))?.Slug == "books"),
        ["category parent name startsWith, price"] = ("""{ "category": { "parent": { "name": { "startsWith": "Home" } } }, "price": { "lte": 50 } }""",
            p => Store.ParentOf(Store.CategoryOf(p))!.Name.StartsWith("Home", StringComparison.Ordinal) && p.Price <= 50m),
        ["category depth eq 0 (no product sits on a root)"] = ("""{ "category": { "depth": { "eq": 0 } } }""", p => Store.CategoryOf(p).Depth == 0),

        // Lists.
        ["reviews some"] = ("""{ "reviews": { "some": { "rating": { "eq": 1 } } } }""", p => Store.ReviewsByProduct[p.Id].Any(r => r.Rating == 1)),
        ["reviews all"] = ("""{ "reviews": { "all": { "rating": { "gte": 4 } } } }""", p => Store.ReviewsByProduct[p.Id].All(r => r.Rating >= 4)),
        ["reviews none"] = ("""{ "reviews": { "none": { "rating": { "lte": 2 } } } }""", p => !Store.ReviewsByProduct[p.Id].Any(r => r.Rating <= 2)),
        ["reviews any true"] = ("""{ "reviews": { "any": true } }""", p => Store.ReviewsByProduct[p.Id].Any()),
        ["reviews any false"] = ("""{ "reviews": { "any": false } }""", p => !Store.ReviewsByProduct[p.Id].Any()),
        ["reviews some by an author (nested)"] = ("""{ "reviews": { "some": { "author": { "name": { "startsWith": "Ada" } }, "rating": { "in": [4, 5] } } } }""",
            p => Store.ReviewsByProduct[p.Id].Any(r => Store.CustomerById[r.AuthorId].Name.StartsWith("Ada", StringComparison.Ordinal) && r.Rating is 4 or 5)),
        ["reviews all and some"] = ("""{ "reviews": { "all": { "rating": { "ngt": 4 } }, "some": { "rating": { "eq": 4 } } } }""",
            p => Store.ReviewsByProduct[p.Id].All(r => r.Rating <= 4) && Store.ReviewsByProduct[p.Id].Any(r => r.Rating == 4)),
    };

    public static TheoryData<string> Names => [.. _cases.Keys];

    public static IReadOnlyCollection<string> AllNames => _cases.Keys;

    public static (JsonNode Where, Func<Product, bool> Expected) Get(string name) =>
        (JsonNode.Parse(_cases[name].Where)!, _cases[name].Expected);

    private static string Num(decimal value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string Json(string value) => System.Text.Json.JsonSerializer.Serialize(value);

    private static string Instant(DateTime value) => Json(DateTime.SpecifyKind(value, DateTimeKind.Utc).ToString("O", System.Globalization.CultureInfo.InvariantCulture));
}
