using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Store;

/// <summary>Used by <c>dotnet ef migrations add … --context StoreDbContext</c> only; the running app configures the store in <see cref="StoreServiceCollectionExtensions"/>.</summary>
internal sealed class DesignTimeStoreDbContextFactory : IDesignTimeDbContextFactory<StoreDbContext>
{
    public StoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StoreDbContext>().UseSqlite("Data Source=design-time.db").Options);
}

/// <summary>
/// Used by <c>dotnet ef migrations add … --context PostgreSqlStoreDbContext</c> only. Adding a migration needs no
/// server; the connection string only tells Npgsql which dialect to write.
/// </summary>
internal sealed class DesignTimePostgreSqlStoreDbContextFactory : IDesignTimeDbContextFactory<PostgreSqlStoreDbContext>
{
    public PostgreSqlStoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlStoreDbContext>().UseNpgsql("Host=127.0.0.1;Database=design_time").Options);
}
