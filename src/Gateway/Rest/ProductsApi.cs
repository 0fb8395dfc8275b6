using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Rest;

/// <summary>
/// REST endpoints of products. A product as REST serves it holds the warehouses that stock it (Inventory) and is
/// filtered and ordered by its reviews (Reviews): data of modules Catalog may not depend on, so these endpoints live
/// in the composition root, which reads the modules' tables through the store.
/// </summary>
public static class ProductsApi
{
    /// <summary>The product a screen's related list holds by default, as <c>Product.related(first: Int = 4)</c>.</summary>
    public const int DefaultRelatedLimit = 4;

    public static RouteGroupBuilder MapProductsApi(this RouteGroupBuilder api)
    {
        api.MapGet("/products", GetProducts);
        api.MapGet("/products/{id:int}", GetProduct);
        api.MapGet("/products/{id:int}/related", GetRelatedProducts);
        return api;
    }

    public static async Task<Results<Ok<ProductDto>, NotFound>> GetProduct(
        int id, IDbContextFactory<StoreDbContext> store, CancellationToken cancellationToken)
    {
        await using var db = await store.CreateDbContextAsync(cancellationToken);
        var product = await db.Products.Where(p => p.Id == id).Select(ProductProjection.ToDto(db)).SingleOrDefaultAsync(cancellationToken);
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
            products = products.Where(p => db.Reviews.Any(r => r.ProductId == p.Id && r.Rating >= s));
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
        return TypedResults.Ok(await page.ToPageAsync(products.Select(ProductProjection.ToDto(db)), cancellationToken));
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
            .OrderBy(p => !db.Reviews.Any(r => r.ProductId == p.Id))
            .ThenByDescending(p => db.Reviews.Where(r => r.ProductId == p.Id).Average(r => (double?)r.Rating))
            .ThenBy(p => p.Id)
            .Take(take)
            .Select(ProductProjection.ToDto(db))
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(related);
    }
}
