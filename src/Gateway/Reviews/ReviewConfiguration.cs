using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Reviews;

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> builder)
    {
        builder.Property(r => r.Title).HasMaxLength(120);
        builder.Property(r => r.Body).HasMaxLength(4000);
        builder.HasOne(r => r.Product).WithMany().HasForeignKey(r => r.ProductId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(r => r.Author).WithMany().HasForeignKey(r => r.AuthorId).OnDelete(DeleteBehavior.Cascade);
        // One review per customer and product; also serves the per-product lookups.
        builder.HasIndex(r => new { r.ProductId, r.AuthorId }).IsUnique();
        builder.HasIndex(r => new { r.AuthorId, r.CreatedAt });
        // A product's latest reviews, and the "has a review rated at least n" filter, read from an index alone.
        builder.HasIndex(r => new { r.ProductId, r.CreatedAt });
        builder.HasIndex(r => new { r.ProductId, r.Rating });
        builder.ToTable(t => t.HasCheckConstraint("CK_Review_Rating", "\"Rating\" BETWEEN 1 AND 5"));
    }
}
