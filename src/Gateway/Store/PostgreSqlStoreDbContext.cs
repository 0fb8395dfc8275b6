using Microsoft.EntityFrameworkCore;

namespace Gateway.Store;

/// <summary>
/// The store on PostgreSQL: the same model as <see cref="StoreDbContext"/>, with its own migrations set in
/// Store/Migrations/PostgreSql (EF Core's documented way to keep one migrations set per provider). Code asks for
/// <see cref="IDbContextFactory{StoreDbContext}"/> whatever the provider; see <see cref="StoreContextFactory{TContext}"/>.
/// </summary>
public sealed class PostgreSqlStoreDbContext(DbContextOptions<PostgreSqlStoreDbContext> options) : StoreDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        // Text compares and orders by its bytes, as SQLite's BINARY collation does, so sorted pages and their
        // cursors are the same on both providers whatever locale the database was created with.
        configurationBuilder.Properties<string>().UseCollation("C");
    }
}
