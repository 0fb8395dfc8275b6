using System.Text.Json.Nodes;
using Gateway.Catalog;
using Gateway.Reviews;
using static Gateway.Tests.Correctness.JsonExpect;

namespace Gateway.Tests.Correctness;

/// <summary>What each contract screen must return, computed with LINQ to objects from the oracle's rows.</summary>
internal static class ScreenExpectations
{
    public static JsonObject ProductPage(StoreOracle store, int productId, int reviews = 5, int related = 4)
    {
        var product = store.ProductById[productId];
        var category = store.CategoryOf(product);
        var parent = store.ParentOf(category);
        var allReviews = store.ReviewsByProduct[productId].OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id).ToList();
        return new JsonObject
        {
            ["product"] = new JsonObject
            {
                ["__typename"] = "Product",
                ["id"] = StoreOracle.Id("Product", product.Id),
                ["sku"] = product.Sku,
                ["name"] = product.Name,
                ["description"] = product.Description,
                ["price"] = product.Price,
                ["currency"] = product.Currency,
                ["category"] = new JsonObject
                {
                    ["id"] = StoreOracle.Id("Category", category.Id),
                    ["name"] = category.Name,
                    ["slug"] = category.Slug,
                    ["parent"] = parent is null ? null : CategoryRef(parent),
                },
                ["rating"] = Rating(store, productId),
                ["availability"] = new JsonObject
                {
                    ["inStock"] = store.InStock(productId),
                    ["quantity"] = store.StockQuantity(productId),
                    ["warehouses"] = new JsonArray([.. store.StockByProduct[productId].OrderBy(s => s.WarehouseId).Select(s => (JsonNode)new JsonObject
                    {
                        ["quantity"] = s.Quantity,
                        ["warehouse"] = new JsonObject
                        {
                            ["id"] = StoreOracle.Id("Warehouse", s.WarehouseId),
                            ["name"] = store.WarehouseById[s.WarehouseId].Name,
                            ["city"] = store.WarehouseById[s.WarehouseId].City,
                        },
                    })]),
                },
                ["delivery"] = DeliveryOracle.Estimate(store, productId),
                ["reviews"] = new JsonObject
                {
                    ["totalCount"] = allReviews.Count,
                    ["pageInfo"] = new JsonObject { ["hasNextPage"] = allReviews.Count > reviews },
                    ["nodes"] = new JsonArray([.. allReviews.Take(reviews).Select(r => (JsonNode)ProductPageReview(store, r))]),
                },
                ["related"] = new JsonArray([.. store.Related(product, related).Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = StoreOracle.Id("Product", p.Id),
                    ["name"] = p.Name,
                    ["price"] = p.Price,
                    ["rating"] = new JsonObject { ["average"] = store.AverageRating(p.Id) },
                })]),
            },
        };
    }

    /// <summary>CatalogPage's first page (no <c>after</c>) for a category slug under a price.</summary>
    public static JsonObject CatalogPage(StoreOracle store, string slug, decimal maxPrice, int first = 20)
    {
        var category = store.Categories.Single(c => c.Slug == slug);
        var matching = CatalogProducts(store, slug, maxPrice);
        return new JsonObject
        {
            ["category"] = new JsonObject
            {
                ["id"] = StoreOracle.Id("Category", category.Id),
                ["name"] = category.Name,
                ["productCount"] = store.ProductCount(category.Id),
                ["children"] = Children(store, category.Id),
            },
            ["products"] = new JsonObject
            {
                ["totalCount"] = matching.Count,
                ["pageInfo"] = new JsonObject { ["hasNextPage"] = matching.Count > first },
                ["edges"] = new JsonArray([.. matching.Take(first).Select(p => (JsonNode)new JsonObject
                {
                    ["node"] = new JsonObject
                    {
                        ["id"] = StoreOracle.Id("Product", p.Id),
                        ["name"] = p.Name,
                        ["price"] = p.Price,
                        ["rating"] = Rating(store, p.Id),
                        ["availability"] = new JsonObject { ["inStock"] = store.InStock(p.Id) },
                        ["delivery"] = DeliveryOracle.Estimate(store, p.Id),
                    },
                })]),
            },
        };
    }

    /// <summary>CatalogPage's product filter and order: directly in the category, price at most the bound, by price then id.</summary>
    public static List<Product> CatalogProducts(StoreOracle store, string slug, decimal maxPrice) =>
        [.. store.Products.Where(p => store.CategoryOf(p).Slug == slug && p.Price <= maxPrice).OrderBy(p => p.Price).ThenBy(p => p.Id)];

    public static JsonObject HomePage(StoreOracle store, int arrivals = 8, int picks = 8) => new()
    {
        ["categories"] = new JsonArray([.. store.Categories.Where(c => c.Depth == 0).OrderBy(c => c.Name, StringComparer.Ordinal)
            .Select(c => (JsonNode)new JsonObject
            {
                ["id"] = StoreOracle.Id("Category", c.Id),
                ["name"] = c.Name,
                ["slug"] = c.Slug,
                ["productCount"] = store.ProductCount(c.Id),
                ["children"] = Children(store, c.Id),
            })]),
        ["newArrivals"] = new JsonObject
        {
            ["nodes"] = new JsonArray([.. store.Products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id).Take(arrivals)
                .Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = StoreOracle.Id("Product", p.Id),
                    ["name"] = p.Name,
                    ["price"] = p.Price,
                    ["createdAt"] = Instant(p.CreatedAt),
                })]),
        },
        ["budgetPicks"] = new JsonObject
        {
            ["nodes"] = new JsonArray([.. store.Products
                .Where(p => p.Price < 10m && store.ReviewsByProduct[p.Id].Any(r => r.Rating >= 4))
                .OrderBy(p => p.Price).ThenBy(p => p.Id).Take(picks)
                .Select(p => (JsonNode)new JsonObject
                {
                    ["id"] = StoreOracle.Id("Product", p.Id),
                    ["name"] = p.Name,
                    ["price"] = p.Price,
                    ["rating"] = Rating(store, p.Id),
                })]),
        },
    };

    public static JsonObject OrderHistory(StoreOracle store, int customerId, int first = 10)
    {
        var customer = store.CustomerById[customerId];
        var orders = store.OrdersByCustomer[customerId].OrderByDescending(o => o.PlacedAt).ThenByDescending(o => o.Id).ToList();
        return new JsonObject
        {
            ["viewer"] = new JsonObject
            {
                ["id"] = StoreOracle.Id("Customer", customerId),
                ["name"] = customer.Name,
                ["email"] = customer.Email,
                ["memberSince"] = Instant(customer.MemberSince),
                ["orders"] = new JsonObject
                {
                    ["totalCount"] = orders.Count,
                    ["nodes"] = new JsonArray([.. orders.Take(first).Select(o => (JsonNode)new JsonObject
                    {
                        ["id"] = StoreOracle.Id("Order", o.Id),
                        ["status"] = o.Status.ToString().ToUpperInvariant(),
                        ["placedAt"] = Instant(o.PlacedAt),
                        ["total"] = store.LinesByOrder[o.Id].Sum(l => l.UnitPrice * l.Quantity),
                        ["itemCount"] = store.LinesByOrder[o.Id].Sum(l => l.Quantity),
                        ["lines"] = new JsonArray([.. store.LinesByOrder[o.Id].OrderBy(l => l.Id).Select(l => (JsonNode)new JsonObject
                        {
                            ["id"] = StoreOracle.Id("OrderLine", l.Id),
                            ["quantity"] = l.Quantity,
                            ["unitPrice"] = l.UnitPrice,
                            ["product"] = new JsonObject
                            {
                                ["id"] = StoreOracle.Id("Product", l.ProductId),
                                ["name"] = store.ProductById[l.ProductId].Name,
                                ["category"] = new JsonObject
                                {
                                    ["id"] = StoreOracle.Id("Category", store.CategoryOf(store.ProductById[l.ProductId]).Id),
                                    ["name"] = store.CategoryOf(store.ProductById[l.ProductId]).Name,
                                },
                            },
                        })]),
                    })]),
                },
                ["reviews"] = new JsonObject
                {
                    ["nodes"] = new JsonArray([.. store.ReviewsByAuthor[customerId].OrderByDescending(r => r.CreatedAt).ThenByDescending(r => r.Id)
                        .Take(3).Select(r => (JsonNode)new JsonObject
                        {
                            ["id"] = StoreOracle.Id("Review", r.Id),
                            ["rating"] = r.Rating,
                            ["title"] = r.Title,
                            ["product"] = new JsonObject
                            {
                                ["id"] = StoreOracle.Id("Product", r.ProductId),
                                ["name"] = store.ProductById[r.ProductId].Name,
                            },
                        })]),
                },
            },
        };
    }

    public static JsonObject Rating(StoreOracle store, int productId) => new()
    {
        ["average"] = store.AverageRating(productId),
        ["count"] = store.ReviewCount(productId),
    };

    private static JsonObject ProductPageReview(StoreOracle store, Review r) => new()
    {
        ["id"] = StoreOracle.Id("Review", r.Id),
        ["rating"] = r.Rating,
        ["title"] = r.Title,
        ["body"] = r.Body,
        ["createdAt"] = Instant(r.CreatedAt),
        ["author"] = new JsonObject
        {
            ["id"] = StoreOracle.Id("Customer", r.AuthorId),
            ["name"] = store.CustomerById[r.AuthorId].Name,
        },
    };

    private static JsonArray Children(StoreOracle store, int categoryId) =>
        new([.. store.ChildrenByParent[categoryId].OrderBy(c => c.Id).Select(c => (JsonNode)CategoryRef(c))]);

    private static JsonObject CategoryRef(Category c) => new()
    {
        ["id"] = StoreOracle.Id("Category", c.Id),
        ["name"] = c.Name,
        ["slug"] = c.Slug,
    };
}
