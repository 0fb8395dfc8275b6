using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Correctness;

/// <summary>Every product filter case: all matching rows, in default (id) order, across pages, and their totalCount, against LINQ.</summary>
public sealed class ProductFilteringTests(Gateway.Tests.Budgets.CountingGatewayFactory gateway) : IClassFixture<Gateway.Tests.Budgets.CountingGatewayFactory>
{
    private static readonly StoreOracle Store = StoreOracle.At(1);
    private readonly HttpClient _client = gateway.CreateClient();

    public static TheoryData<string> Cases => ProductFilterCases.Names;

    [Theory]
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

    [Fact]
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

    [Theory]
    [InlineData("""{ "depth": { "eq": 0 } }""")]
    [InlineData("""{ "depth": { "gt": 0 }, "name": { "endsWith": "s" } }""")]
    [InlineData("""{ "children": { "any": false } }""")]
    [InlineData("""{ "children": { "some": { "slug": { "in": ["yoga", "pens"] } } } }""")]
    [InlineData("""{ "products": { "some": { "price": { "lt": 1.5 } } } }""")]
    [InlineData("""{ "products": { "all": { "price": { "gte": 1 } } }, "depth": { "eq": 1 } }""")]
    [InlineData("""{ "parent": { "name": { "eq": "Office" } } }""")]
    [InlineData("""{ "slug": { "contains": "-" } }""")]
    public async Task Categories_where_returns_exactly_the_matching_rows(string whereJson)
    {
        var where = JsonNode.Parse(whereJson)!;
        Func<Gateway.Catalog.Category, bool> expected = whereJson switch
        {
            _ when whereJson.Contains("\"depth\": { \"eq\": 0 }") => c => c.Depth == 0,
            _ when whereJson.Contains("endsWith") => c => c.Depth > 0 && c.Name.EndsWith('s'),
            _ when whereJson.Contains("\"any\": false") => c => !Store.ChildrenByParent[c.Id].Any(),
            _ when whereJson.Contains("yoga") => c => Store.ChildrenByParent[c.Id].Any(child => child.Slug is "yoga" or "pens"),
            _ when whereJson.Contains("\"lt\": 1.5") => c => Store.ProductsByCategory[c.Id].Any(p => p.Price < 1.5m),
            _ when whereJson.Contains("\"all\"") => c => Store.ProductsByCategory[c.Id].All(p => p.Price >= 1m) && c.Depth == 1,
            _ when whereJson.Contains("Office") => c => Store.ParentOf(c)?.Name == "Office",
            _ => c => c.Slug.Contains('-'),
        };
        var expectedSlugs = Store.Categories.Where(expected).OrderBy(c => c.Name, StringComparer.Ordinal).ThenBy(c => c.Id).Select(c => c.Slug).ToList();

        var data = await _client.QueryAsync("""
            query($where: CategoryFilterInput) { categories(where: $where, order: [{ name: ASC }]) { slug } }
            """, new { where });

        Assert.NotEmpty(expectedSlugs);
        Assert.Equal(expectedSlugs, data["categories"]!.AsArray().Select(c => (string)c!["slug"]!));
    }
}
