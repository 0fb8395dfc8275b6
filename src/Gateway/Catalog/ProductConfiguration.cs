using Gateway.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Catalog;

internal sealed class ProductConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder)
    {
        builder.Property(p => p.Sku).HasMaxLength(32);
        builder.HasIndex(p => p.Sku).IsUnique();
        builder.Property(p => p.Name).HasMaxLength(200);
        builder.Property(p => p.Description).HasMaxLength(4000);
        // Integer cents: compared, ordered and indexed natively (see CentsConverter); the scale tells the query engine
        // how many decimals a stored price can have.
        builder.Property(p => p.Price).HasColumnName("PriceCents").HasConversion<CentsConverter>().HasPrecision(18, CentsConverter.Scale);
        builder.Property(p => p.Currency).HasMaxLength(3);
        // One index per access path of the screens: new arrivals (createdAt), budget picks and price order (price),
        // a category's products by price (the catalog page; it also serves the category's foreign key).
        builder.HasIndex(p => p.CreatedAt);
        builder.HasIndex(p => p.Price);
        builder.HasIndex(p => new { p.CategoryId, p.Price });
        builder.HasOne(p => p.Category).WithMany(c => c.Products).HasForeignKey(p => p.CategoryId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Product_Price", "\"PriceCents\" >= 0"));
    }
}
