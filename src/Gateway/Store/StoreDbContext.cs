using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Inventory;
using Gateway.Reviews;
using Gateway.Sales;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Store;

/// <summary>The storefront's store. Each module configures its own entities beside them.</summary>
public sealed class StoreDbContext(DbContextOptions<StoreDbContext> options) : DbContext(options)
{
    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockReservation> StockReservations => Set<StockReservation>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StoreDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // Every instant is stored in UTC; reading it back must say so, or serializers drop the offset.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
