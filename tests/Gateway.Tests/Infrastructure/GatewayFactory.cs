using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.Configuration;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// The real gateway (its own Program and module registrations) on a temporary store of its own, migrated and
/// seeded at start-up exactly as in production. One instance per test class (IClassFixture). The store is a
/// SQLite file unless a subclass says <see cref="Provider"/> is PostgreSQL: then it is a new database in the
/// test run's shared cluster (<see cref="PostgreSqlServer"/>).
/// </summary>
public class GatewayFactory : WebApplicationFactory<Program>
{
    private readonly string _directory;
    private string? _postgreSqlStore;

    public GatewayFactory()
        : this(null)
    {
    }

    /// <summary>A gateway on the store in <paramref name="directory"/> (another replica's), or on a new one.</summary>
    protected GatewayFactory(string? directory)
    {
        _directory = directory ?? Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        // Here, not while the gateway's host is built: WebApplicationFactory takes the first host built in that flow
        // for the gateway's, and starting the shipping service builds one.
        _shippingUrl = SharedShippingService.Url;
    }

    private readonly string _shippingUrl;

    /// <summary>The folder holding this gateway's store.</summary>
    public string StoreDirectory => _directory;

    /// <summary>The database this gateway's store runs on; SQLite unless a subclass says otherwise.</summary>
    public virtual StoreProvider Provider => StoreProvider.Sqlite;

    /// <summary>Seed scale of this store; 1 unless a subclass says otherwise.</summary>
    protected virtual int SeedScale => 1;

    /// <summary>
    /// Where delivery estimates come from: the screens select <c>delivery</c>, answered by the run's shared service on a
    /// loopback port, so the suites run the remote path (HTTP over a socket) the embedded one skips. The attempt and overall
    /// timeouts are relaxed: these tests check answers, and on a loaded machine a first call (JIT on both sides) can
    /// outlast the production attempt timeout. Tests of the resilience itself override this with their own remote.
    /// </summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> ShippingSettings =>
    [
        new("Shipping:Url", _shippingUrl),
        new("Shipping:AttemptTimeout", "00:00:05"),
        new("Shipping:Timeout", "00:00:10"),
    ];

    /// <summary>Extra configuration for a subclass (key, value).</summary>
    protected virtual IEnumerable<KeyValuePair<string, string?>> Settings => [];

    public string DatabasePath => Path.Combine(_directory, "store.db");

    /// <summary>The store's connection string in its provider's form (the PostgreSQL database is created on first use).</summary>
    public virtual string StoreConnectionString => Provider == StoreProvider.PostgreSql
        ? _postgreSqlStore ??= PostgreSqlServer.CreateDatabaseAsync("gateway").GetAwaiter().GetResult()
        : $"Data Source={DatabasePath}";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        Directory.CreateDirectory(_directory);
        builder.UseEnvironment("Development");
        // Two sources, so that a subclass's settings override the defaults instead of clashing with them.
        builder.ConfigureAppConfiguration(configuration => configuration
            .AddInMemoryCollection(
            [
                new("Store:Provider", Provider.ToString()),
                new("ConnectionStrings:Store", StoreConnectionString),
                new("Store:SeedScale", SeedScale.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ])
            .AddInMemoryCollection(ShippingSettings)
            .AddInMemoryCollection(Settings));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgreSqlStore is not null)
        {
            await PostgreSqlServer.DropDatabaseAsync(_postgreSqlStore);
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by a finishing background task: the OS temp folder reclaims it.
        }
    }
}
