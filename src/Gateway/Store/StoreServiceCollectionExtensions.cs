using Gateway.EntityFramework;
using Gateway.Store.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store used when <c>ConnectionStrings:Store</c> is not set: a SQLite file in the app's data folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/store.db";

    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{StoreDbContext}"/> (resolvers running in parallel each take
    /// their own context), the start-up migration and seeding, and the <c>Store</c> options.
    /// </summary>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .Validate(o => o.SeedScale >= 0, "Store:SeedScale must be 0 or more.").ValidateOnStart();
        services.AddPooledDbContextFactory<StoreDbContext>((provider, options) =>
        {
            // Read when the first context is made, not at registration, so that test hosts can override it.
            var connectionString = ResolveSqliteConnectionString(
                provider.GetRequiredService<IConfiguration>().GetConnectionString("Store") ?? DefaultConnectionString,
                provider.GetRequiredService<IHostEnvironment>().ContentRootPath);
            options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(StoreDbContext).Assembly.FullName))
                .AddSqlStatementCounting()
                .AddInterceptors(SqliteInterruptOnCancel.Instance);
            foreach (var configure in provider.GetServices<IStoreOptionsContributor>())
            {
                configure.Configure(options);
            }
        });
        services.AddSingleton<StoreSeeder>();
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>
    /// Makes a relative SQLite file path relative to the content root (not to whatever the working directory is)
    /// and creates its folder, so that a fresh clone runs without any set-up.
    /// </summary>
    internal static string ResolveSqliteConnectionString(string connectionString, string contentRoot)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.DataSource is { Length: > 0 } path && path != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            if (!Path.IsPathRooted(path))
            {
                path = Path.GetFullPath(Path.Combine(contentRoot, path));
            }
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            builder.DataSource = path;
        }
        // Writers queue for the lock instead of failing at once with "database is locked".
        if (builder.DefaultTimeout < 30)
        {
            builder.DefaultTimeout = 30;
        }
        return builder.ToString();
    }
}

/// <summary>Lets other parts of the app add to the store's DbContext options (interceptors, logging) without owning them.</summary>
public interface IStoreOptionsContributor
{
    void Configure(DbContextOptionsBuilder options);
}
