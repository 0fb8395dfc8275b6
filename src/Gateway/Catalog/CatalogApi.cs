using Gateway.Rest;
using Gateway.Store;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalog;

/// <summary>
/// REST endpoints of the Catalog module: categories and product counts. The products' endpoints serve stock and filter
/// by reviews, other modules' data, so they are mapped by the composition root (<c>Gateway.Rest.ProductsApi</c>).
/// </summary>
public static class CatalogApi
{
    public static RouteGroupBuilder MapCatalogApi(this RouteGroupBuilder api)
    {
        api.MapGet("/categories", GetCategories);
        api.MapGet("/categories/{id:int}", GetCategory);
        api.MapGet("/categories/{id:int}/children", GetChildren);
        api.MapGet("/categories/{id:int}/product-count", GetProductCount);
        return api;
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
