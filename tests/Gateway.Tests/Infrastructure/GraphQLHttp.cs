using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Gateway.Tests.Infrastructure;

/// <summary>Posts GraphQL requests to the gateway's real HTTP endpoint.</summary>
public static class GraphQLHttp
{
    public static async Task<JsonObject> PostGraphQLAsync(
        this HttpClient client, string query, object? variables = null, string? operationName = null, string? bearerToken = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (bearerToken is not null)
        {
            request.Headers.Authorization = new("Bearer", bearerToken);
        }
        using var response = await client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True((int)response.StatusCode < 500, $"HTTP {(int)response.StatusCode}: {body}");
        return JsonNode.Parse(body)!.AsObject();
    }

    /// <summary>Posts and asserts the response has no errors; returns its <c>data</c>.</summary>
    public static async Task<JsonObject> QueryAsync(this HttpClient client, string query, object? variables = null, string? bearerToken = null)
    {
        var result = await client.PostGraphQLAsync(query, variables, bearerToken: bearerToken);
        Assert.False(result.ContainsKey("errors"), result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return result["data"]!.AsObject();
    }

    /// <summary>Reads one of the storefront's operations (schema/operations/NAME.graphql).</summary>
    public static string Screen(string name) => File.ReadAllText(Path.Combine(ContractPaths.Screens, name + ".graphql"));
}
