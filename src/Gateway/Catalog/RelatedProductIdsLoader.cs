using Gateway.DataLoader;
using Gateway.Store;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Catalog;

/// <summary>
/// The best-rated product ids of each requested category (best average rating first, unrated last, then lowest
/// id), in one statement per batch. <c>related</c> goes through it because the page of a category's products
/// minus the product itself is not a correlation SQLite can project (it would need APPLY).
/// </summary>
public sealed class RelatedProductIdsLoader(IDbContextFactory<StoreDbContext> contextFactory)
    : BatchDataLoader<RelatedProductsRequest, int[]>
{
    protected override async Task<IReadOnlyDictionary<RelatedProductsRequest, int[]>> LoadBatchAsync(
        IReadOnlyList<RelatedProductsRequest> keys, CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var result = new Dictionary<RelatedProductsRequest, int[]>();
        foreach (var group in keys.GroupBy(k => k.Take))
        {
            var take = group.Key;
            var categoryIds = group.Select(k => k.CategoryId).Distinct().ToList();
            var rankings = await db.Categories.AsNoTracking()
                .Where(c => categoryIds.Contains(c.Id))
                .Select(c => new
                {
                    c.Id,
                    Products = c.Products
                        .OrderByDescending(p => p.Reviews.Average(r => (double?)r.Rating))
                        .ThenBy(p => p.Id)
                        .Select(p => p.Id)
                        .Take(take)
                        .ToList(),
                })
                .ToDictionaryAsync(c => c.Id, c => c.Products.ToArray(), cancellationToken);
            foreach (var key in group)
            {
                result[key] = rankings.GetValueOrDefault(key.CategoryId, []);
            }
        }
        return result;
    }
}

/// <summary>The <paramref name="Take"/> best-rated products of a category.</summary>
public readonly record struct RelatedProductsRequest(int CategoryId, int Take);
