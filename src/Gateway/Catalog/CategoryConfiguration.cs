using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Catalog;

internal sealed class CategoryConfiguration : IEntityTypeConfiguration<Category>
{
    public void Configure(EntityTypeBuilder<Category> builder)
    {
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Slug).HasMaxLength(100);
        builder.HasIndex(c => c.Slug).IsUnique();
        builder.HasIndex(c => c.Depth);
        builder.HasOne(c => c.Parent).WithMany(c => c.Children).HasForeignKey(c => c.ParentId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_Category_Depth", "\"Depth\" >= 0"));
        // The store's triggers keep it (migration CategoryProductCounts): EF Core neither inserts nor updates it.
        var productCount = builder.Property(c => c.ProductCount).HasDefaultValue(0).Metadata;
        productCount.SetBeforeSaveBehavior(PropertySaveBehavior.Ignore);
        productCount.SetAfterSaveBehavior(PropertySaveBehavior.Ignore);
    }
}
