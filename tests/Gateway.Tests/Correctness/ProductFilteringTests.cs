using Gateway.Testing.PostgreSql;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>Every product filter case: all matching rows, in default (id) order, across pages, and their totalCount, against LINQ.</summary>
public class ProductFilteringTests(Gateway.Tests.Budgets.CountingGatewayFactory gateway) : IClassFixture<Gateway.Tests.Budgets.CountingGatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string> Cases => ProductFilterCases.Names;

    [StoreTheory]
    [MemberData(nameof(Cases))]
    public async Task Products_where_returns_exactly_the_matching_rows(string name)
    {
        var (where, expected) = ProductFilterCases.Get(name);
        var expectedSkus = Store.Products.Where(expected).OrderBy(p => p.Id).Select(p => p.Sku).ToList();

        var ((items, totals), sql) = await gateway.Sql.RecordAsync(() => ConnectionWalker.WalkAsync(_client, "products",
            "$where: ProductFilterInput, $order: [ProductSortInput!]", "sku", where, null, pageSize: 100));

        var actualSkus = items.Select(i => (string)i["sku"]!).ToList();
        Assert.True(expectedSkus.SequenceEqual(actualSkus),
            $"expected {expectedSkus.Count} rows ({string.Join(", ", expectedSkus.Take(5))}…), got {actualSkus.Count} ({string.Join(", ", actualSkus.Take(5))}…); SQL:\n{sql[0]}");
        Assert.All(totals, total => Assert.Equal(expectedSkus.Count, total));
    }

    [StoreFact]
    public void The_cases_are_not_trivial()
    {
        // A filter case that matches all or nothing proves little; most must split the store.
        var splitting = ProductFilterCases.AllNames.Count(name =>
        {
            var matches = Store.Products.Count(ProductFilterCases.Get(name).Expected);
            return matches > 0 && matches < Store.Products.Count;
        });
        Assert.True(splitting * 4 >= ProductFilterCases.AllNames.Count * 3, $"only {splitting} of {ProductFilterCases.AllNames.Count} cases split the store");
    }

    private static readonly Dictionary<string, (string Where, Func<Gateway.Catalog.Category, bool> Expected)> CategoryCases = new()
    {
        ["depth eq 0"] = ("""{ "depth": { "eq": 0 } }""", c => c.Depth == 0),
        ["depth gt 0 and name endsWith"] = ("""{ "depth": { "gt": 0 }, "name": { "endsWith": "s" } }""", c => c.Depth > 0 && c.Name.EndsWith('s')),
        ["children any false"] = ("""{ "children": { "any": false } }""", c => !Store.ChildrenByParent[c.Id].Any()),
        ["children some slug in"] = ("""{ "children": { "some": { "slug": { "in": ["yoga", "pens"] } } } }""",
            c => Store.ChildrenByParent[c.Id].Any(child => child.Slug is "yoga" or "pens")),
        ["products some price lt"] = ("""{ "products": { "some": { "price": { "lt": 1.5 } } } }""", c => Store.ProductsByCategory[c.Id].Any(p => p.Price < 1.5m)),
        ["products all price gte, depth 1"] = ("""{ "products": { "all": { "price": { "gte": 1 } } }, "depth": { "eq": 1 } }""",
            c => Store.ProductsByCategory[c.Id].All(p => p.Price >= 1m) && c.Depth == 1),
        ["parent name eq"] = ("""{ "parent": { "name": { "eq": "Office" } } }""", c => Store.ParentOf(c)?.Name == "Office"),
        ["slug contains -"] = ("""{ "slug": { "contains": "-" } }""", c => c.Slug.Contains('-')),
    };

    public static TheoryData<string> CategoryCaseNames => [.. CategoryCases.Keys];

    [StoreTheory]
    [MemberData(nameof(CategoryCaseNames))]
    public async Task Categories_where_returns_exactly_the_matching_rows(string name)
    {
        var (where, expected) = CategoryCases[name];
        var expectedSlugs = Store.Categories.Where(expected).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Slug).ToList();

        var data = await _client.QueryAsync("""
            query($where: CategoryFilterInput) { categories(where: $where, order: [{ name: ASC }]) { slug } }
            """, new { where = JsonNode.Parse(where) });

        Assert.NotEmpty(expectedSlugs);
        Assert.Equal(expectedSlugs, data["categories"]!.AsArray().Select(c => (string)c!["slug"]!));
    }

    [StoreTheory]
    [InlineData("eq", 3)]
    [InlineData("neq", 3)]
    [InlineData("gt", 3)]
    [InlineData("ngt", 3)]
    [InlineData("gte", 4)]
    [InlineData("ngte", 4)]
    [InlineData("lt", 2)]
    [InlineData("nlt", 2)]
    [InlineData("lte", 1)]
    [InlineData("nlte", 1)]
    [InlineData("in", 1)]
    [InlineData("nin", 1)]
    public async Task Reviews_where_on_an_int_column_counts_and_pages_like_linq(string operation, int rating)
    {
        Func<int, bool> matches = operation switch
        {
            "eq" => r => r == rating,
            "neq" => r => r != rating,
            "gt" => r => r > rating,
            "ngt" => r => !(r > rating),
            "gte" => r => r >= rating,
            "ngte" => r => !(r >= rating),
            "lt" => r => r < rating,
            "nlt" => r => !(r < rating),
            "lte" => r => r <= rating,
            "nlte" => r => !(r <= rating),
            "in" => r => r == rating || r == 5,
            _ => r => r != rating && r != 5,
        };
        var operand = operation is "in" or "nin" ? (JsonNode)new JsonArray(rating, 5) : rating;
        var where = new JsonObject { ["rating"] = new JsonObject { [operation] = operand }, ["product"] = new JsonObject { ["sku"] = new JsonObject { ["startsWith"] = "SKU-0001" } } };
        var expected = Store.Reviews.Where(r => matches(r.Rating) && Store.ProductById[r.ProductId].Sku.StartsWith("SKU-0001", StringComparison.Ordinal))
            .OrderBy(r => r.Id).Select(r => StoreOracle.Id("Review", r.Id)).ToList();

        var (items, totals) = await ConnectionWalker.WalkAsync(_client, "reviews", "$where: ReviewFilterInput, $order: [ReviewSortInput!]", "id", where, null, pageSize: 100);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, items.Select(i => (string)i["id"]!));
        Assert.All(totals, total => Assert.Equal(expected.Count, total));
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class ProductFilteringTestsOnPostgreSql(PostgreSqlCountingGatewayFactory store) : ProductFilteringTests(store), IClassFixture<PostgreSqlCountingGatewayFactory>, IRunsOnPostgreSql;
