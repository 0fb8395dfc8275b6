using Gateway.Rest;
using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalog;

/// <summary>REST endpoints of the Catalog module: products, categories, related products and product counts.</summary>
public static class CatalogApi
{
    /// <summary>The product a screen's related list holds by default, as <c>Product.related(first: Int = 4)</c>.</summary>
    public const int DefaultRelatedLimit = 4;

    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products", GetProducts);
        api.MapGet("/products/{id:int}", GetProduct);
        api.MapGet("/products/{id:int}/related", GetRelatedProducts);
        api.MapGet("/categories", GetCategories);
        api.MapGet("/categories/{id:int}", GetCategory);
        api.MapGet("/categories/{id:int}/children", GetChildren);
        api.MapGet("/categories/{id:int}/product-count", GetProductCount);
        return api;
    }

    public static async Task<Results<Ok<ProductDto>, NotFound>> GetProduct(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Where(p => p.Id == id).Select(CatalogProjections.ToDto).SingleOrDefaultAsync(cancellationToken);
        return product is null ? TypedResults.NotFound() : TypedResults.Ok(product);
    }

    /// <summary>
    /// Lists products. <c>categoryId</c>: filed directly under that category; <c>maxPrice</c>: price at most that;
    /// <c>minRating</c>: at least one review with that many stars or more (as the screens' <c>reviews: { some: { rating: { gte } } }</c>);
    /// <c>sort</c>: <c>price</c>, <c>-price</c>, <c>createdAt</c>, <c>-createdAt</c>, <c>id</c> or <c>-id</c> (ties by id in the same direction).
    /// </summary>
    public static async Task<Results<Ok<PageDto<ProductDto>>, ValidationProblem>> GetProducts(
        string? categoryId, string? maxPrice, string? minRating, string? sort, string? limit, string? offset,
        IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var category = errors.Int32(nameof(categoryId), categoryId, min: 1, max: int.MaxValue);
        var priceCap = errors.Decimal(nameof(maxPrice), maxPrice, min: 0);
        var stars = errors.Int32(nameof(minRating), minRating, min: 1, max: 5);
        var order = errors.OneOf(nameof(sort), sort, "id", "-id", "price", "-price", "createdAt", "-createdAt") ?? "id";
        var page = PageRequest.Parse(limit, offset, errors);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var products = db.Products.AsNoTracking();
        if (category is { } c)
        {
            products = products.Where(p => p.CategoryId == c);
        }
        if (priceCap is { } cap)
        {
            products = products.Where(p => p.Price <= cap);
        }
        if (stars is { } s)
        {
            products = products.Where(p => p.Reviews.Any(r => r.Rating >= s));
        }
        products = order switch
        {
            "price" => products.OrderBy(p => p.Price).ThenBy(p => p.Id),
            "-price" => products.OrderByDescending(p => p.Price).ThenByDescending(p => p.Id),
            "createdAt" => products.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id),
            "-createdAt" => products.OrderByDescending(p => p.CreatedAt).ThenByDescending(p => p.Id),
            "-id" => products.OrderByDescending(p => p.Id),
            _ => products.OrderBy(p => p.Id),
        };
        return TypedResults.Ok(await page.ToPageAsync(products.Select(CatalogProjections.ToDto), cancellationToken));
    }

    /// <summary>Other products of the same category, best average rating first (unrated last), then lowest id.</summary>
    public static async Task<Results<Ok<List<ProductDto>>, NotFound, ValidationProblem>> GetRelatedProducts(
        int id, string? limit, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var take = errors.Int32(nameof(limit), limit, min: 1, max: PageRequest.MaxLimit) ?? DefaultRelatedLimit;
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var categoryId = await db.Products.Where(p => p.Id == id).Select(p => (int?)p.CategoryId).SingleOrDefaultAsync(cancellationToken);
        if (categoryId is null)
        {
            return TypedResults.NotFound();
        }
        var related = await db.Products
            .Where(p => p.CategoryId == categoryId && p.Id != id)
            // Unrated last, said outright: SQLite sorts NULL last in a descending order, PostgreSQL first.
            .OrderBy(p => !p.Reviews.Any())
            .ThenByDescending(p => p.Reviews.Average(r => (double?)r.Rating))
            .ThenBy(p => p.Id)
            .Take(take)
            .Select(CatalogProjections.ToDto)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(related);
    }

    /// <summary>Categories by <c>slug</c> (zero or one) and/or <c>depth</c> (0 = roots), ordered by name then id.</summary>
    public static async Task<Results<Ok<List<CategoryDto>>, ValidationProblem>> GetCategories(
        string? slug, string? depth, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        var errors = new QueryErrors();
        var level = errors.Int32(nameof(depth), depth, min: 0, max: int.MaxValue);
        if (errors.Any)
        {
            return errors.ToProblem();
        }

        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var categories = db.Categories.AsNoTracking();
        if (slug is not null)
        {
            categories = categories.Where(c => c.Slug == slug);
        }
        if (level is { } d)
        {
            categories = categories.Where(c => c.Depth == d);
        }
        return TypedResults.Ok(await categories.OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(CatalogProjections.CategoryToDto).ToListAsync(cancellationToken));
    }

    public static async Task<Results<Ok<CategoryDto>, NotFound>> GetCategory(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var category = await db.Categories.Where(c => c.Id == id).Select(CatalogProjections.CategoryToDto).SingleOrDefaultAsync(cancellationToken);
        return category is null ? TypedResults.NotFound() : TypedResults.Ok(category);
    }

    /// <summary>The category's direct children, ordered by name then id (a plain list: a category has a handful).</summary>
    public static async Task<Results<Ok<List<CategoryDto>>, NotFound>> GetChildren(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var children = await db.Categories.Where(c => c.ParentId == id).OrderBy(c => c.Name).ThenBy(c => c.Id)
            .Select(CatalogProjections.CategoryToDto).ToListAsync(cancellationToken);
        // Only an empty answer needs telling "no children" from "no such category".
        if (children.Count == 0 && !await db.Categories.AnyAsync(c => c.Id == id, cancellationToken))
        {
            return TypedResults.NotFound();
        }
        return TypedResults.Ok(children);
    }

    /// <summary>Products in the category and all its descendants, however deep the tree.</summary>
    public static async Task<Results<Ok<ProductCountDto>, NotFound>> GetProductCount(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        // The tree is small (tens of rows): walking it in memory keeps the count to one more statement at any depth.
        var tree = await db.Categories.Select(c => new { c.Id, c.ParentId }).ToListAsync(cancellationToken);
        if (!tree.Any(c => c.Id == id))
        {
            return TypedResults.NotFound();
        }
        var childrenOf = tree.Where(c => c.ParentId is not null).ToLookup(c => c.ParentId!.Value, c => c.Id);
        var subtree = new List<int> { id };
        var seen = new HashSet<int> { id };
        for (var i = 0; i < subtree.Count; i++)
        {
            // The seen set keeps a (corrupt) cycle from looping forever.
            subtree.AddRange(childrenOf[subtree[i]].Where(seen.Add));
        }
        var count = await db.Products.CountAsync(p => subtree.Contains(p.CategoryId), cancellationToken);
        return TypedResults.Ok(new ProductCountDto(id, count));
    }
}
