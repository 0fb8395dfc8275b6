using Gateway.EntityFramework;
using Gateway.EntityFramework.Compilation;
using Gateway.EntityFramework.Diagnostics;
using Gateway.Store.PreparedStatements;
using Gateway.Store.Seeding;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Gateway.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>The store used when <c>ConnectionStrings:Store</c> is not set: a SQLite file in the app's data folder.</summary>
    public const string DefaultConnectionString = "Data Source=data/store.db";

    /// <summary>
    /// Registers a pooled <see cref="IDbContextFactory{StoreDbContext}"/> (resolvers running in parallel each take
    /// their own context) on the provider <c>Store:Provider</c> names, the start-up migration and seeding, and the
    /// <c>Store</c> options.
    /// </summary>
    /// <remarks>
    /// Both providers' pools are registered and one is chosen when the factory is first resolved: the provider is
    /// read from the host's final configuration, which test hosts override after this registration runs.
    /// </remarks>
    public static IServiceCollection AddStore(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<StoreOptions>().BindConfiguration(StoreOptions.Section)
            .Validate(o => o.SeedScale >= 0, "Store:SeedScale must be 0 or more.")
            .Validate(o => Enum.IsDefined(o.Provider), "Store:Provider must be Sqlite or PostgreSql.")
            .Validate(o => o.QueryConnections >= 0 && o.PreparedStatementsPerConnection > 0,
                "Store:QueryConnections must be 0 or more and Store:PreparedStatementsPerConnection more than 0.")
            .Validate(o => o.MemoryMapMegabytes is >= 0 and <= 1_048_576, "Store:MemoryMapMegabytes must be between 0 and 1048576.")
            .ValidateOnStart();
        services.AddPooledDbContextFactory<StoreDbContext>((provider, options) =>
            Configure(provider, options.UseSqlite(
                ResolveSqliteConnectionString(ConnectionString(provider) ?? DefaultConnectionString,
                    provider.GetRequiredService<IHostEnvironment>().ContentRootPath),
                // A list of values (a batch's keys, an in filter) is one parameter (a JSON array), so a statement's text
                // does not depend on how many: the query engine's compiled plans take lists as such parameters.
                sqlite => sqlite.MigrationsAssembly(typeof(StoreDbContext).Assembly.FullName).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))
                // Microsoft.Data.Sqlite only checks for cancellation between rows: interrupt the running statement.
                .AddInterceptors(SqliteInterruptOnCancel.Instance)));
        // The SQLite pool's own factory, kept under its implementation type: the service type gets the selector below.
        var sqliteFactory = services.Last(d => d.ServiceType == typeof(IDbContextFactory<StoreDbContext>));
        services.Remove(sqliteFactory);

        services.AddPooledDbContextFactory<PostgreSqlStoreDbContext>((provider, options) =>
            Configure(provider, options.UseNpgsql(
                ConnectionString(provider) ?? throw new InvalidOperationException(
                    "Store:Provider is PostgreSql but ConnectionStrings:Store is not set (Host=…;Database=…;Username=…)."),
                npgsql => npgsql.MigrationsAssembly(typeof(StoreDbContext).Assembly.FullName).UseParameterizedCollectionMode(ParameterTranslationMode.Parameter))));

        services.AddSingleton<IDbContextFactory<StoreDbContext>>(provider =>
            provider.GetRequiredService<IOptions<StoreOptions>>().Value.Provider switch
            {
                StoreProvider.PostgreSql => new StoreContextFactory<PostgreSqlStoreDbContext>(
                    provider.GetRequiredService<IDbContextFactory<PostgreSqlStoreDbContext>>()),
                _ => (IDbContextFactory<StoreDbContext>)Create(provider, sqliteFactory),
            });
        services.AddSingleton<SqliteQueryContextPool>();
        services.AddSingleton<IQueryContextPool<StoreDbContext>>(provider => provider.GetRequiredService<SqliteQueryContextPool>());
        services.AddSingleton<StoreSeeder>();
        services.AddSingleton<StoreStartupLock>();
        services.AddHostedService<StoreInitializer>();
        return services;
    }

    /// <summary>Makes the service a descriptor describes, whichever way EF Core registered it.</summary>
    private static object Create(IServiceProvider provider, ServiceDescriptor descriptor) =>
        descriptor.ImplementationInstance
        ?? descriptor.ImplementationFactory?.Invoke(provider)
        ?? ActivatorUtilities.CreateInstance(provider, descriptor.ImplementationType!);

    private static string? ConnectionString(IServiceProvider provider) =>
        provider.GetRequiredService<IConfiguration>().GetConnectionString("Store");

    private static void Configure(IServiceProvider provider, DbContextOptionsBuilder options)
    {
        // A recorder registered in the services (the SQL budget tests') sees every statement of the store.
        options.AddSqlStatementCounting(provider.GetService<SqlStatementRecorder>());
        options.CompileShapersOnce();
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
