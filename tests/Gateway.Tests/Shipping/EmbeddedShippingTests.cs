using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Store;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Shipping;

/// <summary>
/// With no Shipping:Url, the gateway process serves the shipping service itself at /shipping/graphql and calls it
/// over loopback HTTP, as it would a remote one (a real process: the loopback needs a real listening socket).
/// </summary>
public sealed class EmbeddedShippingTests
{
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
}
