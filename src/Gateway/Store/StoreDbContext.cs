using Gateway.Catalog;
using Gateway.Customers;
using Gateway.Inventory;
using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Wishlists;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Store;

/// <summary>
/// The storefront's store. Each module configures its own entities beside them. This type itself is the SQLite
/// store (its migrations are in Store/Migrations); <see cref="PostgreSqlStoreDbContext"/> derives from it only to
/// give PostgreSQL a migrations set of its own, since EF Core picks migrations by their exact context type.
/// </summary>
public class StoreDbContext : DbContext
{
    public StoreDbContext(DbContextOptions<StoreDbContext> options)
        : base(options)
    {
    }

    /// <summary>For a provider's derived context (options typed for that context).</summary>
    protected StoreDbContext(DbContextOptions options)
        : base(options)
    {
    }

    public DbSet<Category> Categories => Set<Category>();
    public DbSet<Product> Products => Set<Product>();
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Order> Orders => Set<Order>();
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();
    public DbSet<Warehouse> Warehouses => Set<Warehouse>();
    public DbSet<StockLevel> StockLevels => Set<StockLevel>();
    public DbSet<StockReservation> StockReservations => Set<StockReservation>();
    public DbSet<WishlistItem> WishlistItems => Set<WishlistItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(StoreDbContext).Assembly);

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        // Every instant is stored in UTC; reading it back must say so, or serializers drop the offset.
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
}
