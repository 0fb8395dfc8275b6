using System.Net.Http.Json;
using Gateway.Testing;

namespace Gateway.Tests.Infrastructure;

/// <summary>
/// One real shipping service on Kestrel at a loopback port for the whole test run, which every in-memory gateway
/// (<see cref="GatewayFactory"/>) calls unless a test points it elsewhere. Needed because ProductPage and CatalogPage
/// select <c>delivery</c>: an in-memory test server has no socket, so the gateway's embedded service cannot be called
/// over loopback there. The service holds read-only reference data, so sharing it between tests is safe.
/// </summary>
public static class SharedShippingService
{
    private static readonly Lazy<string> _url = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Its GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/graphql</c> (started on first use).</summary>
    public static string Url => _url.Value;

    private static string Start()
    {
        // Never stopped: it lives as long as the test process, like the tests that share it.
        var url = LoopbackShippingService.StartAsync().GetAwaiter().GetResult().GraphQLUrl;
        WarmUp(url);
        return url;
    }

    /// <summary>One estimate before any gateway calls: its first answer compiles the schema, the store model and the queries.</summary>
    private static void WarmUp(string url)
    {
        using var http = new HttpClient();
        var query = """{ estimates(country: "DE", items: [{ weightGrams: 500, warehouses: ["1"] }]) { days } }""";
        using var response = http.PostAsync(url, JsonContent.Create(new { query })).GetAwaiter().GetResult();
        response.EnsureSuccessStatusCode();
    }
}
