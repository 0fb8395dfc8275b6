using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Gateway.Store;

/// <summary>Used by <c>dotnet ef migrations add</c> only; the running app configures the store in <see cref="StoreServiceCollectionExtensions"/>.</summary>
internal sealed class DesignTimeStoreDbContextFactory : IDesignTimeDbContextFactory<StoreDbContext>
{
    public StoreDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<StoreDbContext>().UseSqlite("Data Source=design-time.db").Options);
}
