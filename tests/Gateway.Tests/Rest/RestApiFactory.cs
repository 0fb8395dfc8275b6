using System.Net.Http.Headers;
using System.Net.Http.Json;
using Gateway.Auth;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Rest;

/// <summary>The gateway with SQL statement counting on, shared by the REST test classes (one seeded store for all).</summary>
public sealed class RestApiFactory : GatewayFactory
{
    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [new("Diagnostics:CountSqlStatements", "true")];

    /// <summary>A client that sends a bearer token for the customer (or admin) of that id, as issued by the gateway itself.</summary>
    public HttpClient ClientFor(int customerId, bool admin = false)
    {
        var client = CreateClient();
        var token = Services.GetRequiredService<TokenIssuer>().Issue(customerId, "Test caller", admin);
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>A context on the same store, to compute expectations independently of the API.</summary>
    public StoreDbContext Store() => Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContext();
}

[CollectionDefinition(Name)]
public sealed class RestApiCollection : ICollectionFixture<RestApiFactory>
{
    public const string Name = "REST API";
}

internal static class RestHttp
{
    /// <summary>GETs <paramref name="path"/>, asserts 200 and reads the body as <typeparamref name="T"/>.</summary>
    public static async Task<T> GetOkAsync<T>(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path}: HTTP {(int)response.StatusCode} {body}");
        return (await response.Content.ReadFromJsonAsync<T>())!;
    }
}
