using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Tests.Budgets;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>Connections inside objects and inside lists (a page per parent), computed fields, and <c>nodes</c>, against LINQ.</summary>
public class NestedConnectionTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    [StoreTheory]
    [InlineData(1, 10)]
    [InlineData(2, 3)]
    [InlineData(7, 5)] // no reviews at all
    [InlineData(123, 100)]
    public async Task Product_reviews_with_where_and_order_equal_the_oracle(int productId, int first)
    {
        var data = await _client.QueryAsync("""
            query($id: ID!, $first: Int) {
              node(id: $id) {
                ... on Product {
                  reviews(first: $first, where: { rating: { gte: 3 }, title: { ncontains: "Okay" } }, order: [{ rating: DESC }, { createdAt: ASC }]) {
                    totalCount
                    pageInfo { hasNextPage hasPreviousPage }
                    nodes { id rating }
                  }
                }
              }
            }
            """, new { id = StoreOracle.Id("Product", productId), first });

        var expected = Store.ReviewsByProduct[productId].Where(r => r.Rating >= 3 && !r.Title.Contains("Okay", StringComparison.Ordinal))
            .OrderByDescending(r => r.Rating).ThenBy(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
        JsonExpect.Equal(new JsonObject
        {
            ["totalCount"] = expected.Count,
            ["pageInfo"] = new JsonObject { ["hasNextPage"] = expected.Count > first, ["hasPreviousPage"] = false },
            ["nodes"] = new JsonArray([.. expected.Take(first).Select(r => (JsonNode)new JsonObject { ["id"] = StoreOracle.Id("Review", r.Id), ["rating"] = r.Rating })]),
        }, data["node"]!["reviews"]);
    }

    [StoreFact]
    public async Task Product_reviews_page_per_product_inside_a_list_equals_the_oracle()
    {
        var ids = new[] { 1, 2, 3, 7, 17, 60, 400, 999 };
        var data = await _client.QueryAsync("""
            query($ids: [ID]) {
              products(where: { id: { in: $ids } }, first: 20) {
                nodes { sku reviews(first: 3, order: [{ createdAt: DESC }], where: { rating: { nin: [2] } }) { totalCount nodes { id title } } }
              }
            }
            """, new { ids = ids.Select(id => StoreOracle.Id("Product", id)) });

        JsonExpect.Equal(new JsonArray([.. ids.Select(id =>
        {
            var reviews = Store.ReviewsByProduct[id].Where(r => r.Rating != 2).OrderByDescending(r => r.CreatedAt).ThenBy(r => r.Id).ToList();
            return (JsonNode)new JsonObject
            {
                ["sku"] = Store.ProductById[id].Sku,
                ["reviews"] = new JsonObject
                {
                    ["totalCount"] = reviews.Count,
                    ["nodes"] = new JsonArray([.. reviews.Take(3).Select(r => (JsonNode)new JsonObject { ["id"] = StoreOracle.Id("Review", r.Id), ["title"] = r.Title })]),
                },
            };
        })]), data["products"]!["nodes"]);
    }

    [StoreFact]
    public async Task A_products_reviews_walked_with_after_equal_the_oracle()
    {
        var expected = Store.ReviewsByProduct[1].OrderBy(r => r.Rating).ThenByDescending(r => r.CreatedAt).ThenBy(r => r.Id)
            .Select(r => StoreOracle.Id("Review", r.Id)).ToList();
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 100; page++)
        {
            var data = await _client.QueryAsync("""
                query($id: ID!, $after: String) {
                  node(id: $id) { ... on Product { reviews(first: 7, after: $after, order: [{ rating: ASC }, { createdAt: DESC }]) { pageInfo { hasNextPage endCursor } nodes { id } } } }
                }
                """, new { id = StoreOracle.Id("Product", 1), after });
            var reviews = data["node"]!["reviews"]!;
            seen.AddRange(reviews["nodes"]!.AsArray().Select(n => (string)n!["id"]!));
            if (!(bool)reviews["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }
            after = (string?)reviews["pageInfo"]!["endCursor"];
        }

        Assert.True(expected.Count > 14);
        Assert.Equal(expected, seen);
    }

    [StoreFact]
    public async Task Category_products_page_per_category_equals_the_oracle()
    {
        var data = await _client.QueryAsync("""
            {
              categories(order: [{ slug: DESC }]) {
                slug
                productCount
                products(first: 4, order: [{ price: DESC }], where: { name: { ncontains: "Oak" } }) { totalCount pageInfo { hasNextPage } nodes { sku price } }
              }
            }
            """);

        JsonExpect.Equal(new JsonArray([.. Store.Categories.OrderByDescending(c => c.Slug, StringComparer.Ordinal).Select(c =>
        {
            var products = Store.ProductsByCategory[c.Id].Where(p => !p.Name.Contains("Oak", StringComparison.Ordinal))
                .OrderByDescending(p => p.Price).ThenBy(p => p.Id).ToList();
            return (JsonNode)new JsonObject
            {
                ["slug"] = c.Slug,
                ["productCount"] = Store.ProductCount(c.Id),
                ["products"] = new JsonObject
                {
                    ["totalCount"] = products.Count,
                    ["pageInfo"] = new JsonObject { ["hasNextPage"] = products.Count > 4 },
                    ["nodes"] = new JsonArray([.. products.Take(4).Select(p => (JsonNode)new JsonObject { ["sku"] = p.Sku, ["price"] = p.Price })]),
                },
            };
        })]), data["categories"]);
    }

    [StoreFact]
    public async Task Customer_reviews_page_per_customer_equals_the_oracle()
    {
        var data = await _client.QueryAsync("""
            {
              customers(first: 60, after: null, order: [{ name: ASC }]) {
                nodes { id name reviews(first: 2, order: [{ rating: ASC }, { id: DESC }]) { totalCount nodes { id rating product { sku } } } }
              }
            }
            """);

        JsonExpect.Equal(new JsonArray([.. Store.Customers.OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Take(60).Select(c => (JsonNode)new JsonObject
        {
            ["id"] = StoreOracle.Id("Customer", c.Id),
            ["name"] = c.Name,
            ["reviews"] = new JsonObject
            {
                ["totalCount"] = Store.ReviewsByAuthor[c.Id].Count(),
                ["nodes"] = new JsonArray([.. Store.ReviewsByAuthor[c.Id].OrderBy(r => r.Rating).ThenByDescending(r => r.Id).Take(2).Select(r => (JsonNode)new JsonObject
                {
                    ["id"] = StoreOracle.Id("Review", r.Id),
                    ["rating"] = r.Rating,
                    ["product"] = new JsonObject { ["sku"] = Store.ProductById[r.ProductId].Sku },
                })]),
            },
        })]), data["customers"]!["nodes"]);
    }

    [StoreFact]
    public async Task Computed_fields_of_every_product_equal_the_oracle()
    {
        var (items, _) = await ConnectionWalker.WalkAsync(_client, "products", "$where: ProductFilterInput, $order: [ProductSortInput!]",
            "sku rating { average count } availability { inStock quantity } related(first: 3) { sku }", null, null, pageSize: 100);

        JsonExpect.Equal(new JsonArray([.. Store.Products.OrderBy(p => p.Id).Select(p => (JsonNode)new JsonObject
        {
            ["sku"] = p.Sku,
            ["rating"] = ScreenExpectations.Rating(Store, p.Id),
            ["availability"] = new JsonObject { ["inStock"] = Store.InStock(p.Id), ["quantity"] = Store.StockQuantity(p.Id) },
            ["related"] = new JsonArray([.. Store.Related(p, 3).Select(r => (JsonNode)new JsonObject { ["sku"] = r.Sku })]),
        })]), new JsonArray([.. items]));
    }

    [StoreFact]
    public async Task Nodes_of_mixed_types_resolve_in_order_with_null_for_unknown_ids()
    {
        var keys = Enumerable.Range(0, 50).Select(i => (Type: (i % 3) switch { 0 => "Product", 1 => "Review", _ => "Customer" }, Key: 1 + i * 9)).ToList();
        keys[10] = ("Product", 999_999);
        var data = await _client.QueryAsync("""
            query($ids: [ID!]!) { nodes(ids: $ids) { __typename id ... on Product { sku } ... on Review { rating } ... on Customer { name } } }
            """, new { ids = keys.Select(k => StoreOracle.Id(k.Type, k.Key)) });

        JsonExpect.Equal(new JsonArray([.. keys.Select(k => k switch
        {
            ("Product", var key) when !Store.ProductById.ContainsKey(key) => null,
            ("Product", var key) => (JsonNode)new JsonObject { ["__typename"] = "Product", ["id"] = StoreOracle.Id("Product", key), ["sku"] = Store.ProductById[key].Sku },
            ("Review", var key) => new JsonObject { ["__typename"] = "Review", ["id"] = StoreOracle.Id("Review", key), ["rating"] = Store.Reviews[key - 1].Rating },
            (_, var key) => new JsonObject { ["__typename"] = "Customer", ["id"] = StoreOracle.Id("Customer", key), ["name"] = Store.CustomerById[key].Name },
        })]), data["nodes"]);
    }

    private static readonly Dictionary<string, (string Where, Func<Gateway.Sales.Order, bool> Expected)> OrderCases = new()
    {
        ["status eq"] = ("""{ "status": { "eq": "PAID" } }""", o => o.Status == Gateway.Sales.OrderStatus.Paid),
        ["status neq"] = ("""{ "status": { "neq": "CANCELLED" } }""", o => o.Status != Gateway.Sales.OrderStatus.Cancelled),
        ["status in"] = ("""{ "status": { "in": ["PENDING", "SHIPPED"] } }""", o => o.Status is Gateway.Sales.OrderStatus.Pending or Gateway.Sales.OrderStatus.Shipped),
        ["status nin, itemCount gte"] = ("""{ "status": { "nin": ["PENDING", "SHIPPED", "DELIVERED"] }, "itemCount": { "gte": 6 } }""",
            o => o.Status is Gateway.Sales.OrderStatus.Paid or Gateway.Sales.OrderStatus.Cancelled && Store.LinesByOrder[o.Id].Sum(l => l.Quantity) >= 6),
        ["total gt"] = ("""{ "total": { "gt": 1500 } }""", o => Store.LinesByOrder[o.Id].Sum(l => l.UnitPrice * l.Quantity) > 1500m),
        ["customer name, lines some"] = ("""{ "customer": { "name": { "startsWith": "Ben" } }, "lines": { "some": { "quantity": { "eq": 3 } } } }""",
            o => Store.CustomerById[o.CustomerId].Name.StartsWith("Ben", StringComparison.Ordinal) && Store.LinesByOrder[o.Id].Any(l => l.Quantity == 3)),
    };

    public static TheoryData<string> OrderCaseNames => [.. OrderCases.Keys];

    [StoreTheory]
    [MemberData(nameof(OrderCaseNames))]
    public async Task Orders_as_an_admin_filter_by_status_and_computed_fields(string name)
    {
        var (whereJson, expected) = OrderCases[name];
        var matching = Store.Orders.Where(expected).OrderByDescending(o => o.PlacedAt).ThenBy(o => o.Id).ToList();

        var data = await _client.QueryAsync("""
            query($where: OrderFilterInput) { orders(where: $where, order: [{ placedAt: DESC }], first: 100) { totalCount nodes { id status total itemCount } } }
            """, new { where = JsonNode.Parse(whereJson) }, gateway.TokenFor(1, admin: true));

        Assert.NotEmpty(matching);
        JsonExpect.Equal(new JsonObject
        {
            ["totalCount"] = matching.Count,
            ["nodes"] = new JsonArray([.. matching.Take(100).Select(o => (JsonNode)new JsonObject
            {
                ["id"] = StoreOracle.Id("Order", o.Id),
                ["status"] = o.Status.ToString().ToUpperInvariant(),
                ["total"] = Store.LinesByOrder[o.Id].Sum(l => l.UnitPrice * l.Quantity),
                ["itemCount"] = Store.LinesByOrder[o.Id].Sum(l => l.Quantity),
            })]),
        }, data["orders"]);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class NestedConnectionTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : NestedConnectionTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
