using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Wishlists;

internal sealed class WishlistItemConfiguration : IEntityTypeConfiguration<WishlistItem>
{
    public void Configure(EntityTypeBuilder<WishlistItem> builder)
    {
        builder.HasOne(w => w.Customer).WithMany().HasForeignKey(w => w.CustomerId).OnDelete(DeleteBehavior.Cascade);
        // No collection on Product: nothing in the catalog needs to know who wishes for a product.
        builder.HasOne(w => w.Product).WithMany().HasForeignKey(w => w.ProductId).OnDelete(DeleteBehavior.Cascade);
        // One item per customer and product (the mutation's AlreadyInWishlistError, even under a race); also serves
        // a customer's wishlist, which pages by id within the customer.
        builder.HasIndex(w => new { w.CustomerId, w.ProductId }).IsUnique();
    }
}
