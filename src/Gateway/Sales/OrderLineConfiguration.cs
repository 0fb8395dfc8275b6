using Gateway.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Sales;

internal sealed class OrderLineConfiguration : IEntityTypeConfiguration<OrderLine>
{
    public void Configure(EntityTypeBuilder<OrderLine> builder)
    {
        builder.Property(l => l.UnitPrice).HasColumnName("UnitPriceCents").HasConversion<CentsConverter>().HasPrecision(18, CentsConverter.Scale);
        builder.HasOne(l => l.Order).WithMany(o => o.Lines).HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(l => l.Product).WithMany(p => p.OrderLines).HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OrderLine_Quantity", "\"Quantity\" >= 1");
            t.HasCheckConstraint("CK_OrderLine_UnitPrice", "\"UnitPriceCents\" >= 0");
        });
    }
}
