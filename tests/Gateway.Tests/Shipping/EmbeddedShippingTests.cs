using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Store;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Shipping;

/// <summary>
/// With no Shipping:Url, the gateway serves the shipping service itself at /shipping/graphql for outside callers and
/// calls it through the same client pipeline as a remote one, whose last hop hands the request to the service in the
/// same process: a real gateway process, and an in-memory host, which has no socket at all.
/// </summary>
public sealed class EmbeddedShippingTests
{
    [Fact]
    public async Task An_in_memory_host_answers_delivery_from_its_embedded_service_without_a_socket()
    {
        await using var gateway = new EmbeddedShippingGateway();
        var client = gateway.CreateClient();

        var data = await client.QueryAsync(DeliveryQueries.CatalogPage(5, "NL"));
        var health = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["checks"]!["shipping"]!;

        Assert.All(data["products"]!["nodes"]!.AsArray(), node => Assert.True(node!["delivery"]!["cost"]!.GetValue<decimal>() > 0));
        Assert.Equal("embedded", health["data"]!["mode"]!.GetValue<string>());
        Assert.Equal("ok", health["data"]!["lastOutcome"]!.GetValue<string>());
    }

    [Fact]
    public async Task The_gateway_alone_answers_delivery_through_its_embedded_service()
    {
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        try
        {
            await using var gateway = await GatewayProcess.StartAsync(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "store.db")}");
            await AssertDeliveryAsync(new HttpClient { BaseAddress = gateway.BaseAddress });
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(directory, recursive: true);
        }
    }

    private static async Task AssertDeliveryAsync(HttpClient client)
    {
        // The gateway warms its embedded service up once it listens (the first call JIT-compiles both sides); the
        // health report shows the warm-up's call.
        for (var attempt = 0; attempt < 100 && JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["checks"]!["shipping"]!["data"]!["lastOutcome"] is null; attempt++)
        {
            await Task.Delay(100);
        }


        var data = await client.QueryAsync(DeliveryQueries.CatalogPage(5, "NL"));
        var sdl = await client.GetStringAsync("/shipping/graphql?sdl");
        var health = JsonNode.Parse(await client.GetStringAsync("/health/ready"))!["checks"]!["shipping"]!;

        Assert.All(data["products"]!["nodes"]!.AsArray(), node => Assert.True(node!["delivery"]!["cost"]!.GetValue<decimal>() > 0));
        Assert.Equal(File.ReadAllText(Path.Combine(ContractPaths.RepositoryRoot, "schema", "shipping.graphql")).ReplaceLineEndings("\n").TrimEnd(),
            sdl.ReplaceLineEndings("\n").TrimEnd());
        Assert.Equal("embedded", health["data"]!["mode"]!.GetValue<string>());
        await AssertRestCounterpartAsync(client);
    }

    /// <summary>The service's REST counterpart is embedded under the same prefix, answering as its GraphQL does.</summary>
    private static async Task AssertRestCounterpartAsync(HttpClient client)
    {
        var rest = JsonNode.Parse(await client.GetStringAsync("/shipping/estimates?country=NL&weightGrams=700&warehouses=3"))!;
        var response = await client.PostAsJsonAsync("/shipping/graphql",
            new { query = """{ estimates(country: "NL", items: [{ weightGrams: 700, warehouses: ["3"] }]) { days cost carrier { code } } }""" });
        var graphQL = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["data"]!["estimates"]![0]!;
        using var bad = await client.GetAsync("/shipping/estimates?country=NL&weightGrams=heavy");

        Assert.Equal(graphQL["days"]!.GetValue<int>(), rest["days"]!.GetValue<int>());
        Assert.Equal(graphQL["cost"]!.GetValue<decimal>(), rest["cost"]!.GetValue<decimal>());
        Assert.Equal(graphQL["carrier"]!["code"]!.GetValue<string>(), rest["carrier"]!["code"]!.GetValue<string>());
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.NotNull(JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]!["weightGrams"]);
    }

    /// <summary>The in-memory gateway with no Shipping:Url: its embedded service answers delivery.</summary>
    private sealed class EmbeddedShippingGateway : GatewayFactory
    {
        // Relaxed as the shared service's are: the first call compiles both sides, on a loaded machine past 350 ms.
        protected override IEnumerable<KeyValuePair<string, string?>> ShippingSettings =>
        [
            new("Shipping:AttemptTimeout", "00:00:05"),
            new("Shipping:Timeout", "00:00:10"),
        ];
    }
}
