using Gateway.Inventory;
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
        builder.HasOne(l => l.Product).WithMany().HasForeignKey(l => l.ProductId).OnDelete(DeleteBehavior.Restrict);
        // Declared here, from the principal side, because Inventory (whose reservations name order lines) may not depend on Sales.
        builder.HasMany<StockReservation>().WithOne().HasForeignKey(r => r.OrderLineId).OnDelete(DeleteBehavior.Cascade);
        builder.ToTable(t =>
        {
            t.HasCheckConstraint("CK_OrderLine_Quantity", "\"Quantity\" >= 1");
            t.HasCheckConstraint("CK_OrderLine_UnitPrice", "\"UnitPriceCents\" >= 0");
        });
    }
}
