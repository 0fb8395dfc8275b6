using System.Net;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Rest;

[Collection(RestApiCollection.Name)]
public sealed class CatalogApiTests(RestApiFactory factory)
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_product_is_its_own_fields_with_the_category_as_an_id()
    {
        await using var db = factory.Store();
        var expected = await db.Products.AsNoTracking().SingleAsync(p => p.Id == 42);

        var product = await _client.GetOkAsync<ProductJson>("/api/products/42");

        Assert.Equal((expected.Id, expected.Sku, expected.Name, expected.Description, expected.Price, expected.Currency, expected.CategoryId),
            (product.Id, product.Sku, product.Name, product.Description, product.Price, product.Currency, product.CategoryId));
        Assert.Equal(expected.CreatedAt, product.CreatedAt.UtcDateTime);
        Assert.Equal(TimeSpan.Zero, product.CreatedAt.Offset);
    }

    [Fact]
    public async Task A_product_has_no_embedded_relations()
    {
        var json = JsonNode.Parse(await _client.GetStringAsync("/api/products/42"))!.AsObject();

        Assert.Equal(["id", "sku", "name", "description", "price", "currency", "createdAt", "categoryId", "weightGrams", "warehouseIds"], json.Select(p => p.Key));
    }

    [Theory]
    [InlineData("/api/products/42")]
    [InlineData("/api/products?categoryId=3&limit=30")]
    [InlineData("/api/products/42/related")]
    public async Task A_product_carries_its_weight_and_the_warehouses_holding_stock_of_it(string path)
    {
        await using var db = factory.Store();
        var node = JsonNode.Parse(await _client.GetStringAsync(path))!;
        var products = (node is JsonObject page && page.ContainsKey("items") ? page["items"]! : node is JsonArray ? node : new JsonArray(node.DeepClone())).AsArray();

        Assert.NotEmpty(products);
        foreach (var product in products)
        {
            var id = product!["id"]!.GetValue<int>();
            var weight = await db.Products.Where(p => p.Id == id).Select(p => p.WeightGrams).SingleAsync();
            var stocked = await db.StockLevels.Where(s => s.ProductId == id && s.Quantity > 0).OrderBy(s => s.WarehouseId).Select(s => s.WarehouseId).ToListAsync();
            Assert.Equal(weight, product["weightGrams"]!.GetValue<int>());
            Assert.Equal(stocked, product["warehouseIds"]!.AsArray().Select(w => w!.GetValue<int>()));
        }
    }

    [Fact]
    public async Task A_product_out_of_stock_lists_no_warehouse()
    {
        await using var db = factory.Store();
        var soldOut = await db.Products.Where(p => !db.StockLevels.Any(s => s.ProductId == p.Id && s.Quantity > 0)).Select(p => p.Id).FirstAsync();

        var product = await _client.GetOkAsync<ProductJson>($"/api/products/{soldOut}");

        Assert.Empty(product.WarehouseIds);
    }

    [Theory]
    [InlineData("/api/products/999999")]
    [InlineData("/api/products/999999/related")]
    [InlineData("/api/categories/999999")]
    [InlineData("/api/categories/999999/children")]
    [InlineData("/api/categories/999999/product-count")]
    [InlineData("/api/products/abc")]
    public async Task An_unknown_resource_is_404(string path)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Products_filter_by_category_and_price_and_sort_by_price_then_id()
    {
        await using var db = factory.Store();
        var all = await db.Products.AsNoTracking().Where(p => p.CategoryId == 3).ToListAsync();
        var expected = all.Where(p => p.Price <= 150m).OrderBy(p => p.Price).ThenBy(p => p.Id).ToList();

        var page = await _client.GetOkAsync<Page<ProductJson>>("/api/products?categoryId=3&maxPrice=150&sort=price&limit=5&offset=2");

        Assert.Equal(expected.Count, page.TotalCount);
        Assert.Equal(expected.Skip(2).Take(5).Select(p => p.Id), page.Items.Select(p => p.Id));
        Assert.Equal((5, 2), (page.Limit, page.Offset));
    }

    [Fact]
    public async Task Products_with_min_rating_have_a_review_with_that_many_stars_and_sort_newest_first()
    {
        await using var db = factory.Store();
        var qualifying = await db.Products.AsNoTracking().Where(p => db.Reviews.Any(r => r.ProductId == p.Id && r.Rating >= 5))
            .Select(p => new { p.Id, p.CreatedAt }).ToListAsync();
        var expected = qualifying.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(8).Select(p => p.Id);

        var page = await _client.GetOkAsync<Page<ProductJson>>("/api/products?minRating=5&sort=-createdAt&limit=8");

        Assert.Equal(qualifying.Count, page.TotalCount);
        Assert.Equal(expected, page.Items.Select(p => p.Id));
    }

    [Fact]
    public async Task Products_page_by_default_20_from_the_start_by_id()
    {
        var page = await _client.GetOkAsync<Page<ProductJson>>("/api/products");

        Assert.Equal((20, 0), (page.Limit, page.Offset));
        Assert.Equal(Enumerable.Range(1, 20), page.Items.Select(p => p.Id));
        Assert.Equal(1000, page.TotalCount);
    }

    [Theory]
    [InlineData("/api/products?limit=0", "limit")]
    [InlineData("/api/products?limit=101", "limit")]
    [InlineData("/api/products?limit=ten", "limit")]
    [InlineData("/api/products?offset=-1", "offset")]
    [InlineData("/api/products?maxPrice=cheap", "maxPrice")]
    [InlineData("/api/products?minRating=6", "minRating")]
    [InlineData("/api/products?sort=name", "sort")]
    [InlineData("/api/products?categoryId=x", "categoryId")]
    [InlineData("/api/products/1/related?limit=0", "limit")]
    [InlineData("/api/products/1/reviews?limit=500", "limit")]
    [InlineData("/api/categories?depth=-1", "depth")]
    public async Task A_bad_query_value_is_a_400_problem_naming_the_parameter(string path, string parameter)
    {
        using var response = await _client.GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal(400, (int)problem["status"]!);
        Assert.NotNull(problem["errors"]![parameter]);
    }

    [Fact]
    public async Task Related_products_are_others_of_the_category_best_rated_first_then_lowest_id()
    {
        await using var db = factory.Store();
        var product = await db.Products.AsNoTracking().SingleAsync(p => p.Id == 1);
        var siblings = await db.Products.AsNoTracking().Where(p => p.CategoryId == product.CategoryId && p.Id != 1)
            .Select(p => new { p.Id, Ratings = db.Reviews.Where(r => r.ProductId == p.Id).Select(r => r.Rating).ToList() }).ToListAsync();
        var expected = siblings
            .OrderByDescending(p => p.Ratings.Count == 0 ? (double?)null : p.Ratings.Average())
            .ThenBy(p => p.Id).Take(6).Select(p => p.Id);

        var related = await _client.GetOkAsync<List<ProductJson>>("/api/products/1/related?limit=6");

        Assert.Equal(expected, related.Select(p => p.Id));
        Assert.All(related, p => Assert.Equal(product.CategoryId, p.CategoryId));
    }

    [Fact]
    public async Task Related_products_default_to_four()
    {
        var related = await _client.GetOkAsync<List<ProductJson>>("/api/products/1/related");

        Assert.Equal(4, related.Count);
    }

    [Fact]
    public async Task Categories_filter_by_slug_or_by_depth()
    {
        var bySlug = await _client.GetOkAsync<List<CategoryJson>>("/api/categories?slug=fiction");
        var roots = await _client.GetOkAsync<List<CategoryJson>>("/api/categories?depth=0");
        var none = await _client.GetOkAsync<List<CategoryJson>>("/api/categories?slug=no-such-category");

        var fiction = Assert.Single(bySlug);
        Assert.Equal(("Fiction", 1), (fiction.Name, fiction.Depth));
        Assert.NotNull(fiction.ParentId);
        Assert.NotEmpty(roots);
        Assert.All(roots, c => Assert.Equal((0, null), (c.Depth, c.ParentId)));
        Assert.Equal(roots.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id), roots.Select(c => c.Id));
        Assert.Empty(none);
    }

    [Fact]
    public async Task A_category_lists_its_children_by_name()
    {
        var fiction = Assert.Single(await _client.GetOkAsync<List<CategoryJson>>("/api/categories?slug=fiction"));
        var parent = await _client.GetOkAsync<CategoryJson>($"/api/categories/{fiction.ParentId}");

        var children = await _client.GetOkAsync<List<CategoryJson>>($"/api/categories/{parent.Id}/children");
        var leafChildren = await _client.GetOkAsync<List<CategoryJson>>($"/api/categories/{fiction.Id}/children");

        Assert.Contains(children, c => c.Id == fiction.Id);
        Assert.All(children, c => Assert.Equal(parent.Id, c.ParentId));
        Assert.Equal(children.OrderBy(c => c.Name, StringComparer.Ordinal).Select(c => c.Id), children.Select(c => c.Id));
        Assert.Empty(leafChildren);
    }

    [Fact]
    public async Task A_root_categorys_product_count_includes_its_descendants()
    {
        await using var db = factory.Store();
        var root = await db.Categories.AsNoTracking().Include(c => c.Children).FirstAsync(c => c.Depth == 0 && c.Children.Count > 0);
        var childIds = root.Children.Select(c => c.Id).ToList();
        var expected = await db.Products.CountAsync(p => p.CategoryId == root.Id || childIds.Contains(p.CategoryId));
        var firstChildCount = await db.Products.CountAsync(p => p.CategoryId == childIds[0]);

        var rootCount = await _client.GetOkAsync<ProductCountJson>($"/api/categories/{root.Id}/product-count");
        var childCount = await _client.GetOkAsync<ProductCountJson>($"/api/categories/{childIds[0]}/product-count");

        Assert.True(expected > 0);
        Assert.Equal(new ProductCountJson(root.Id, expected), rootCount);
        Assert.Equal(new ProductCountJson(childIds[0], firstChildCount), childCount);
    }
}
