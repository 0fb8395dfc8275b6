using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Safety;

/// <summary>
/// A cached document skips validation except for the rules whose verdict depends on the request (the cost and the
/// filter breadth), which the gateway runs on it without GraphQL.NET's walk of the document: one document text, sent
/// again and again with other variables, is measured and bounded by each request's variables.
/// </summary>
public sealed class CachedDocumentRulesTests(GatewayFactory gateway) : IClassFixture<GatewayFactory>
{
    // A page of products with their stock per warehouse: 100 of them cost 1,312, over the default budget of 1,000.
    private const string Page =
        "query CachedPage($n: Int!, $w: ProductFilterInput) { products(first: $n, where: $w, order: [{ id: ASC }]) { nodes { id availability { warehouses { quantity warehouse { id name } } } } } }";

    [Fact]
    public async Task Cost_and_filter_breadth_follow_the_variables_of_each_request_of_a_cached_document()
    {
        var client = gateway.CreateClient();

        var small = await PostAsync(client, new { n = 2 });
        var cachedSmall = await PostAsync(client, new { n = 2 });
        var larger = await PostAsync(client, new { n = 3 });
        var tooCostly = await PostAsync(client, new { n = 100 });
        var tooBroad = await PostAsync(client, new { n = 2, w = new { or = Enumerable.Range(0, 101).Select(i => new { name = new { eq = $"n{i}" } }).ToArray() } });
        var smallAgain = await PostAsync(client, new { n = 2 });

        Assert.Null(small["errors"]);
        Assert.Equal(2, small["data"]!["products"]!["nodes"]!.AsArray().Count);
        Assert.Equal(FieldCost(small), FieldCost(cachedSmall));
        Assert.True(FieldCost(larger) > FieldCost(small), $"{larger} should cost more than {small}");
        Assert.Equal("MAX_FIELD_COST_EXCEEDED", (string?)tooCostly["errors"]![0]!["extensions"]!["code"]);
        Assert.Null(tooCostly["data"]);
        Assert.Equal("FILTER_TOO_BROAD", (string?)tooBroad["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal(small.ToJsonString(), smallAgain.ToJsonString());
    }

    [Fact]
    public async Task Variables_of_a_cached_document_are_still_coerced_and_checked()
    {
        var client = gateway.CreateClient();
        await PostAsync(client, new { n = 2 });

        var missing = await PostAsync(client, new { });
        var wrongType = await PostAsync(client, new { n = "two" });

        Assert.Equal("INVALID_VALUE", (string?)missing["errors"]![0]!["extensions"]!["code"]);
        Assert.Equal("INVALID_VALUE", (string?)wrongType["errors"]![0]!["extensions"]!["code"]);
    }

    public static TheoryData<string, string, string> SameAsFreshCases => new()
    {
        // A nullable variable with a default where a value is required: null is refused, a missing value takes the default.
        { Slug, "{}", """{ "slug": null }""" },
        { Slug, """{ "slug": "other" }""", "{}" },
        // Directives with variables on a field, an inline fragment, a fragment spread, read again on every request.
        { Directives, """{ "n": 1, "withName": false, "withPrice": false, "withCategory": false }""", """{ "n": 2, "withName": true, "withPrice": false, "withCategory": true }""" },
        { Directives, """{ "n": 1, "withName": true, "withPrice": false, "withCategory": true }""", """{ "n": 3, "withName": false, "withPrice": true, "withCategory": false }""" },
        // The arguments of a fragment's fields, the fragment spread twice.
        { "query Twice($a: Int!, $b: Int!) { first: products(first: $a, order: [{ id: ASC }]) { ...Names } second: products(first: $b, order: [{ id: DESC }]) { ...Names } } fragment Names on ProductsConnection { nodes { id name reviews(first: $a) { nodes { id } } } }", """{ "a": 2, "b": 1 }""", """{ "a": 1, "b": 2 }""" },
        // A variable GraphQL.NET refuses, nested in an input object.
        { "query Named($name: String!) { products(first: 2, where: { name: { eq: $name } }) { nodes { id } } }", """{ "name": "x" }""", """{ "name": 5 }""" },
    };

    private const string Slug = "query Slug($slug: String = \"no-such-category\") { category(slug: $slug) { name } }";

    private const string Directives =
        "query Pick($n: Int!, $withName: Boolean!, $withPrice: Boolean!, $withCategory: Boolean!) { products(first: $n, order: [{ id: ASC }]) { nodes { id name @include(if: $withName) ... on Product @skip(if: $withPrice) { sku } ...Priced @include(if: $withPrice) category @include(if: $withCategory) { name } } } } fragment Priced on Product { price }";

    [Theory]
    [MemberData(nameof(SameAsFreshCases))]
    public async Task A_cached_document_reads_variables_arguments_and_directives_as_a_fresh_one_does(string query, string priming, string variables)
    {
        var client = gateway.CreateClient();
        var values = JsonNode.Parse(variables)!.AsObject();

        // A comment makes the text, so the cache entry, new: this request is validated in full.
        var fresh = await PostQueryAsync(client, query + "\n# fresh " + Guid.NewGuid().ToString("N"), values);
        // Other values first, so that the document is cached (a request that fails validation caches nothing).
        var primed = await PostQueryAsync(client, query, JsonNode.Parse(priming)!.AsObject());
        var cached = await PostQueryAsync(client, query, values);

        Assert.Null(primed["errors"]);

        Assert.Equal(fresh.ToJsonString(), cached.ToJsonString());
    }

    private static double FieldCost(JsonObject result) => (double)result["extensions"]!["operationCost"]!["fieldCost"]!;

    private static Task<JsonObject> PostAsync(HttpClient client, object variables) => PostQueryAsync(client, Page, variables);

    private static async Task<JsonObject> PostQueryAsync(HttpClient client, string query, object variables)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query, variables }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Add("GraphQL-Cost", "report");
        using var response = await client.SendAsync(request);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }
}
