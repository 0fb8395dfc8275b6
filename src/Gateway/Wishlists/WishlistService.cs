using Gateway.Catalog;
using Gateway.Errors;
using Gateway.Store;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Wishlists;

/// <summary>Writes a customer's wishlist: one item per product, for products the store has.</summary>
public sealed class WishlistService(IDbContextFactory<StoreDbContext> contextFactory, TimeProvider time)
{
    /// <summary>Adds <paramref name="productId"/> to <paramref name="customerId"/>'s wishlist and returns the new item.</summary>
    public async Task<WishlistItem> AddAsync(int customerId, int productId, CancellationToken cancellationToken = default)
    {
        var item = new WishlistItem { CustomerId = customerId, ProductId = productId };
        await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            if (!await db.Products.AnyAsync(p => p.Id == productId, ct))
            {
                throw new ProductNotFoundException(productId);
            }
            if (await db.WishlistItems.AnyAsync(w => w.CustomerId == customerId && w.ProductId == productId, ct))
            {
                throw new AlreadyInWishlistException(productId);
            }
            item.Id = 0;
            item.AddedAt = time.GetUtcNow().UtcDateTime;
            db.WishlistItems.Add(item);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            // The checks and the insert are not atomic: a concurrent twin lands first and the unique index refuses ours,
            // or the product goes between the check and the insert.
            catch (DbUpdateException exception) when (TransientStoreErrors.IsUniqueViolation(exception))
            {
                throw new AlreadyInWishlistException(productId);
            }
            catch (DbUpdateException exception) when (TransientStoreErrors.IsForeignKeyViolation(exception))
            {
                throw new ProductNotFoundException(productId);
            }
            return item.Id;
        }, cancellationToken);
        return item;
    }

    /// <summary>Takes <paramref name="productId"/> off <paramref name="customerId"/>'s wishlist and returns the product.</summary>
    public async Task<Product> RemoveAsync(int customerId, int productId, CancellationToken cancellationToken = default)
    {
        return await TransientStoreErrors.RetryAsync(async ct =>
        {
            await using var db = await contextFactory.CreateDbContextAsync(ct);
            // The product first: "no such product" and "not on your wishlist" call for different fixes.
            var product = await db.Products.AsNoTracking().SingleOrDefaultAsync(p => p.Id == productId, ct)
                ?? throw new ProductNotFoundException(productId);
            // One statement: of two concurrent removals, one deletes the row and the other is told it is gone.
            var removed = await db.WishlistItems.Where(w => w.CustomerId == customerId && w.ProductId == productId).ExecuteDeleteAsync(ct);
            return removed > 0 ? product : throw new NotInWishlistException(productId);
        }, cancellationToken);
    }
}
