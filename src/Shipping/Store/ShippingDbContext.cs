using Microsoft.EntityFrameworkCore;

namespace Shipping.Store;

/// <summary>The shipping service's own store: carriers, their rates per country and weight band, warehouse lead times.</summary>
public sealed class ShippingDbContext(DbContextOptions<ShippingDbContext> options) : DbContext(options)
{
    public DbSet<Carrier> Carriers => Set<Carrier>();
    public DbSet<Rate> Rates => Set<Rate>();
    public DbSet<WarehouseLeadTime> LeadTimes => Set<WarehouseLeadTime>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Carrier>(carrier =>
        {
            carrier.HasKey(c => c.Code);
            carrier.Property(c => c.Code).HasMaxLength(16);
            carrier.Property(c => c.Name).HasMaxLength(100);
        });
        modelBuilder.Entity<Rate>(rate =>
        {
            rate.Property(r => r.Country).HasMaxLength(2);
            // The estimate's only access path: a country's bands, lightest first.
            rate.HasIndex(r => new { r.Country, r.MaxGrams });
            rate.HasOne(r => r.Carrier).WithMany(c => c.Rates).HasForeignKey(r => r.CarrierCode);
        });
        modelBuilder.Entity<WarehouseLeadTime>(lead =>
        {
            lead.HasKey(l => l.WarehouseId);
            lead.Property(l => l.WarehouseId).HasMaxLength(32);
        });
    }
}
