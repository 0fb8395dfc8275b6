using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Catalog;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>
/// Multi-key sorts in both directions, and whole walks forwards (first/after) and backwards (last/before) over
/// filtered lists: no duplicate, no gap, the oracle's order, a steady totalCount.
/// </summary>
public class SortingAndPagingTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    private static readonly Dictionary<string, (string Order, Func<IEnumerable<Product>, IOrderedEnumerable<Product>> Expected)> Sorts = new()
    {
        ["category name ASC, price DESC"] = ("""[{ "category": { "name": "ASC" } }, { "price": "DESC" }]""",
            ps => ps.OrderBy(p => Store.CategoryOf(p).Name, StringComparer.Ordinal).ThenByDescending(p => p.Price)),
        ["category name DESC, price ASC"] = ("""[{ "category": { "name": "DESC" } }, { "price": "ASC" }]""",
            ps => ps.OrderByDescending(p => Store.CategoryOf(p).Name, StringComparer.Ordinal).ThenBy(p => p.Price)),
        ["name ASC"] = ("""[{ "name": "ASC" }]""", ps => ps.OrderBy(p => p.Name, StringComparer.Ordinal)),
        ["name DESC, createdAt ASC"] = ("""[{ "name": "DESC" }, { "createdAt": "ASC" }]""",
            ps => ps.OrderByDescending(p => p.Name, StringComparer.Ordinal).ThenBy(p => p.CreatedAt)),
        ["price DESC"] = ("""[{ "price": "DESC" }]""", ps => ps.OrderByDescending(p => p.Price)),
        ["createdAt DESC, id DESC"] = ("""[{ "createdAt": "DESC" }, { "id": "DESC" }]""", ps => ps.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id)),
        ["rating average DESC, sku DESC"] = ("""[{ "rating": { "average": "DESC" } }, { "sku": "DESC" }]""",
            ps => ps.OrderByDescending(p => Store.AverageRating(p.Id)).ThenByDescending(p => p.Sku, StringComparer.Ordinal)),
        ["rating count ASC"] = ("""[{ "rating": { "count": "ASC" } }]""", ps => ps.OrderBy(p => Store.ReviewCount(p.Id))),
        ["availability quantity ASC, name DESC"] = ("""[{ "availability": { "quantity": "ASC" } }, { "name": "DESC" }]""",
            ps => ps.OrderBy(p => Store.StockQuantity(p.Id)).ThenByDescending(p => p.Name, StringComparer.Ordinal)),
        ["category parent name DESC, price ASC"] = ("""[{ "category": { "parent": { "name": "DESC" } } }, { "price": "ASC" }]""",
            ps => ps.OrderByDescending(p => Store.ParentOf(Store.CategoryOf(p))!.Name, StringComparer.Ordinal).ThenBy(p => p.Price)),
        ["default (id)"] = ("null", ps => ps.OrderBy(p => p.Id)),
    };

    private static readonly Dictionary<string, (string Where, Func<Product, bool> Expected)> Filters = new()
    {
        ["all"] = ("null", _ => true),
        ["electronics under 300"] = ("""{ "category": { "parent": { "slug": { "eq": "electronics" } } }, "price": { "lt": 300 } }""",
            p => Store.ParentOf(Store.CategoryOf(p))!.Slug == "electronics" && p.Price < 300m),
        ["reviewed, in stock"] = ("""{ "reviews": { "any": true }, "availability": { "inStock": { "eq": true } } }""",
            p => Store.ReviewsByProduct[p.Id].Any() && Store.InStock(p.Id)),
    };

    public static TheoryData<string, string, int> Walks()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var sort in Sorts.Keys)
        {
            // Page sizes that do not divide the lists, so that page boundaries fall inside runs of equal sort values.
            data.Add(sort, "all", 100);
            data.Add(sort, "electronics under 300", 13);
            data.Add(sort, "reviewed, in stock", 70);
        }
        return data;
    }

    [StoreTheory]
    [MemberData(nameof(Walks))]
    public async Task A_walk_forwards_and_one_backwards_each_return_the_whole_list_in_order(string sort, string filter, int pageSize)
    {
        var (orderJson, orderBy) = Sorts[sort];
        var (whereJson, predicate) = Filters[filter];
        // The engine makes every order total by appending the primary key, ascending.
        var expected = orderBy(Store.Products.Where(predicate)).ThenBy(p => p.Id).Select(p => p.Sku).ToList();
        var where = JsonNode.Parse(whereJson);
        var order = JsonNode.Parse(orderJson);
        const string types = "$where: ProductFilterInput, $order: [ProductSortInput!]";

        var (forwards, forwardTotals) = await ConnectionWalker.WalkAsync(_client, "products", types, "sku", where, order, pageSize);
        var (backwards, backwardTotals) = await ConnectionWalker.WalkAsync(_client, "products", types, "sku", where, order, pageSize, backwards: true);

        Assert.Equal(expected, forwards.Select(n => (string)n["sku"]!));
        Assert.Equal(expected, backwards.Select(n => (string)n["sku"]!));
        Assert.All(forwardTotals.Concat(backwardTotals), total => Assert.Equal(expected.Count, total));
    }

    [StoreFact]
    public async Task CatalogPage_walked_to_its_end_lists_the_category_under_the_price_once_each_in_order()
    {
        var expected = ScreenExpectations.CatalogProducts(Store, "cookware", 300m).Select(p => StoreOracle.Id("Product", p.Id)).ToList();
        var seen = new List<string>();
        string? after = null;
        for (var page = 0; page < 50; page++)
        {
            var data = await _client.QueryAsync(ScreenDocuments.CatalogPage, new { slug = "cookware", maxPrice = 300m, first = 6, after });
            var products = data["products"]!;
            Assert.Equal(expected.Count, (int)products["totalCount"]!);
            seen.AddRange(products["edges"]!.AsArray().Select(e => (string)e!["node"]!["id"]!));
            if (!(bool)products["pageInfo"]!["hasNextPage"]!)
            {
                break;
            }
            after = (string?)products["pageInfo"]!["endCursor"];
        }

        Assert.True(expected.Count > 12, "the walk should span several pages");
        Assert.Equal(expected, seen);
    }

    [StoreTheory]
    [InlineData(1, 5)]
    [InlineData(10, 10)]
    [InlineData(995, 3)]
    public async Task Pages_between_two_cursors_hold_exactly_the_rows_between_them(int from, int size)
    {
        // first/after from the cursor of row `from`, and last/before from the cursor of the row after that page.
        var all = Store.Products.OrderBy(p => p.Price).ThenBy(p => p.Id).ToList();
        var (items, _) = await ConnectionWalker.WalkAsync(_client, "products", "$where: ProductFilterInput, $order: [ProductSortInput!]",
            "sku", null, JsonNode.Parse("""[{ "price": "ASC" }]"""), pageSize: 100);
        Assert.Equal(all.Select(p => p.Sku), items.Select(i => (string)i["sku"]!));
        var cursors = await CursorsAsync();

        var after = await _client.QueryAsync("""
            query($after: String, $size: Int) { products(order: [{ price: ASC }], first: $size, after: $after) { nodes { sku } pageInfo { hasNextPage hasPreviousPage } } }
            """, new { after = cursors[from - 1], size });
        var before = await _client.QueryAsync("""
            query($before: String, $size: Int) { products(order: [{ price: ASC }], last: $size, before: $before) { nodes { sku } } }
            """, new { before = from + size < all.Count ? cursors[from + size] : null, size });

        var expected = all.Skip(from).Take(size).Select(p => p.Sku).ToList();
        Assert.Equal(expected, after["products"]!["nodes"]!.AsArray().Select(n => (string)n!["sku"]!));
        Assert.Equal(from + size < all.Count, (bool)after["products"]!["pageInfo"]!["hasNextPage"]!);
        Assert.Equal(expected, before["products"]!["nodes"]!.AsArray().Select(n => (string)n!["sku"]!));
    }

    private async Task<List<string>> CursorsAsync()
    {
        var cursors = new List<string>();
        string? after = null;
        for (var page = 0; page < 20; page++)
        {
            var data = await _client.QueryAsync("""
                query($after: String) { products(order: [{ price: ASC }], first: 100, after: $after) { edges { cursor } pageInfo { hasNextPage endCursor } } }
                """, new { after });
            cursors.AddRange(data["products"]!["edges"]!.AsArray().Select(e => (string)e!["cursor"]!));
            if (!(bool)data["products"]!["pageInfo"]!["hasNextPage"]!)
            {
                return cursors;
            }
            after = (string?)data["products"]!["pageInfo"]!["endCursor"];
        }
        throw new InvalidOperationException("more than 20 pages of 100");
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class SortingAndPagingTestsOnPostgreSql(PostgreSqlGatewayFactory store) : SortingAndPagingTests(store), IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql;
