using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Gateway.Inventory;

internal sealed class StockReservationConfiguration : IEntityTypeConfiguration<StockReservation>
{
    public void Configure(EntityTypeBuilder<StockReservation> builder)
    {
        builder.HasKey(r => new { r.OrderLineId, r.WarehouseId });
        // No navigations. The foreign key to the order line is Sales' to declare (OrderLineConfiguration): Inventory
        // depends on no Sales type.
        builder.HasOne<Warehouse>().WithMany().HasForeignKey(r => r.WarehouseId).OnDelete(DeleteBehavior.Restrict);
        builder.ToTable(t => t.HasCheckConstraint("CK_StockReservation_Quantity", "\"Quantity\" >= 1"));
    }
}
