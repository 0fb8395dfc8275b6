using Gateway.Catalog;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Reviews;

/// <summary>The rating aggregates the Reviews module keeps on each product row.</summary>
internal sealed class ProductRatingConfiguration : IEntityTypeConfiguration<Product>
{
    public void Configure(EntityTypeBuilder<Product> builder) =>
        // Every review has 1 to 5 stars, so the sum lies between count and 5 × count: a write that forgets one side fails.
        builder.ToTable(t => t.HasCheckConstraint("CK_Product_Rating", "\"ReviewCount\" >= 0 AND \"RatingSum\" BETWEEN \"ReviewCount\" AND 5 * \"ReviewCount\""));
}
