using System.Text.Json.Nodes;
using Gateway.Auth;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Budgets;

/// <summary>The real gateway with a <see cref="SqlCapture"/> recording its store, so a test sees the SQL each request sends.</summary>
public class CountingGatewayFactory : GatewayFactory
{
    public SqlCapture Sql { get; } = new();

    /// <summary>
    /// The budget tests also run the screens at page size 50, where OrderHistory (50 orders with an assumed 10 lines
    /// each) costs about 1,070, over the default field budget of 1,000; they measure SQL, not cost.
    /// </summary>
    protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("GraphQL:Cost:MaxFieldCost", "100000")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddSingleton(Sql.Recorder));
    }

    /// <summary>A bearer token for a customer (or an admin) signed by the gateway's own issuer.</summary>
    public string TokenFor(int customerId, bool admin = false) =>
        Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    /// <summary>Posts an operation that must succeed; returns its data and the SQL it ran.</summary>
    public Task<(JsonObject Result, IReadOnlyList<string> Sql)> QueryWithSqlAsync(
        HttpClient client, string query, object? variables = null, string? bearerToken = null) =>
        Sql.RecordAsync(() => client.QueryAsync(query, variables, bearerToken));
}

/// <summary>The same, seeded at scale 20 (20,000 products, 200,000 reviews): about 18 s to seed, so shared by one collection.</summary>
public class Scale20GatewayFactory : CountingGatewayFactory, IAsyncLifetime
{
    protected override int SeedScale => 20;

    /// <summary>How long the host took to start: migrating and seeding the store, mostly.</summary>
    public TimeSpan StartupTime { get; private set; }

    Task IAsyncLifetime.InitializeAsync()
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        _ = Server; // starts the host, which migrates and seeds before it serves
        StartupTime = System.Diagnostics.Stopwatch.GetElapsedTime(started);
        return Task.CompletedTask;
    }

    // Disposal stays with WebApplicationFactory (and GatewayFactory's clean-up), which xunit calls as well.
    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

[CollectionDefinition(Name)]
public sealed class Scale20Collection : ICollectionFixture<Scale20GatewayFactory>
{
    public const string Name = "Scale 20 store";
}

/// <summary>The scale 20 store on PostgreSQL (binary COPY), shared by its own collection.</summary>
public sealed class PostgreSqlScale20GatewayFactory : Scale20GatewayFactory
{
    public override StoreProvider Provider => StoreProvider.PostgreSql;
}

[CollectionDefinition(Name)]
public sealed class PostgreSqlScale20Collection : ICollectionFixture<PostgreSqlScale20GatewayFactory>
{
    public const string Name = "Scale 20 store on PostgreSQL";
}
