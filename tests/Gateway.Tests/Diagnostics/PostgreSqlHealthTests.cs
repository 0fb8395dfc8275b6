using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Gateway.Store;
using Gateway.Testing.PostgreSql;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Diagnostics;

/// <summary>
/// Readiness on PostgreSQL: the provider-neutral store check (a connection through the store's own pooled
/// factory and connection string) and AspNetCore.HealthChecks.NpgSql's check both answer.
/// </summary>
public sealed class PostgreSqlHealthTests(PostgreSqlGatewayFactory gateway) : IClassFixture<PostgreSqlGatewayFactory>, IRunsOnPostgreSql
{
    [StoreFact]
    public async Task Ready_answers_200_when_the_postgresql_store_answers()
    {
        using var ready = await gateway.CreateClient().GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var checks = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Healthy", (string?)checks["store"]!["status"]);
        Assert.Equal("Healthy", (string?)checks["postgresql"]!["status"]);
    }

    [StoreFact]
    public async Task Ready_answers_503_while_the_postgresql_server_is_unreachable_and_live_stays_200()
    {
        await using var broken = new UnreachableServerGateway();
        var client = broken.CreateClient();

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        using var ready = await client.GetAsync("/health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var checks = JsonNode.Parse(await ready.Content.ReadAsStringAsync())!["checks"]!;
        Assert.Equal("Unhealthy", (string?)checks["store"]!["status"]);
        Assert.Equal("Unhealthy", (string?)checks["postgresql"]!["status"]);
    }

    /// <summary>A gateway on a PostgreSQL port nobody listens on, with no start-up migration.</summary>
    private sealed class UnreachableServerGateway : GatewayFactory
    {
        private static readonly int s_closedPort = ClosedPort();

        public override StoreProvider Provider => StoreProvider.PostgreSql;

        public override string StoreConnectionString => $"Host=127.0.0.1;Port={s_closedPort};Database=none;Username=postgres;Timeout=2";

        protected override IEnumerable<KeyValuePair<string, string?>> Settings => [new("Store:MigrateOnStartup", "false")];

        private static int ClosedPort()
        {
            using var listener = new TcpListener(IPAddress.Loopback, 0);
            listener.Start();
            return ((IPEndPoint)listener.LocalEndpoint).Port; // closed again when disposed
        }
    }
}
