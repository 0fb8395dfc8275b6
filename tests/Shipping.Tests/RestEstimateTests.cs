using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Shipping.Tests;

/// <summary><c>GET /estimates</c>, the plain REST counterpart, through the service's real HTTP endpoint.</summary>
public sealed class RestEstimateTests(ShippingHost host) : IClassFixture<ShippingHost>
{
    private async Task<(HttpStatusCode Status, string? MediaType, JsonElement Body)> GetAsync(string pathAndQuery)
    {
        using var response = await host.Client.GetAsync(pathAndQuery);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, response.Content.Headers.ContentType?.MediaType, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    [Theory]
    [InlineData("FR", 1200, "2,3")]
    [InlineData("DE", 150, "4")]
    [InlineData("us", 4950, "")]
    public async Task One_parcel_is_answered_as_the_graphql_estimates_answer_it(string country, int grams, string warehouses)
    {
        var (status, mediaType, rest) = await GetAsync($"/estimates?country={country}&weightGrams={grams}&warehouses={warehouses}");

        var ids = warehouses.Length == 0 ? "" : string.Join(", ", warehouses.Split(',').Select(w => $"\"{w}\""));
        var response = await host.Client.PostAsJsonAsync("/graphql", new
        {
            query = $$"""{ estimates(country: "{{country}}", items: [{ weightGrams: {{grams}}, warehouses: [{{ids}}] }]) { days cost currency carrier { code name } } }""",
        });
        var graphQL = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("data").GetProperty("estimates")[0];
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Equal("application/json", mediaType);
        Assert.Equal(country.ToUpperInvariant(), rest.GetProperty("country").GetString());
        Assert.Equal(grams, rest.GetProperty("weightGrams").GetInt32());
        Assert.Equal(graphQL.GetProperty("days").GetInt32(), rest.GetProperty("days").GetInt32());
        Assert.Equal(graphQL.GetProperty("cost").GetDecimal(), rest.GetProperty("cost").GetDecimal());
        Assert.Equal("EUR", rest.GetProperty("currency").GetString());
        Assert.Equal(graphQL.GetProperty("carrier").GetProperty("code").GetString(), rest.GetProperty("carrier").GetProperty("code").GetString());
        Assert.Equal(graphQL.GetProperty("carrier").GetProperty("name").GetString(), rest.GetProperty("carrier").GetProperty("name").GetString());
    }

    [Fact]
    public async Task A_parcel_no_warehouse_holds_takes_longer()
    {
        var (_, _, stocked) = await GetAsync("/estimates?country=DE&weightGrams=800&warehouses=1");
        var (status, _, backordered) = await GetAsync("/estimates?country=DE&weightGrams=800");

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Empty(backordered.GetProperty("warehouses").EnumerateArray());
        Assert.True(backordered.GetProperty("days").GetInt32() > stocked.GetProperty("days").GetInt32());
    }

    [Theory]
    [InlineData("/estimates?weightGrams=500", "country")]
    [InlineData("/estimates?country=France&weightGrams=500", "country")]
    [InlineData("/estimates?country=D1&weightGrams=500", "country")]
    [InlineData("/estimates?country=DE&country=FR&weightGrams=500", "country")]
    [InlineData("/estimates?country=DE", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=heavy", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=-5", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=0", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=1.5", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=99999999999", "weightGrams")]
    [InlineData("/estimates?country=DE&weightGrams=500&warehouses=1,x", "warehouses")]
    [InlineData("/estimates?country=DE&weightGrams=500&warehouses=1,,2", "warehouses")]
    [InlineData("/estimates?country=DE&weightGrams=500&warehouses=0", "warehouses")]
    [InlineData("/estimates?country=DE&weightGrams=500&warehouses=1&warehouses=2", "warehouses")]
    public async Task A_bad_parameter_is_a_400_naming_it(string pathAndQuery, string parameter)
    {
        var (status, mediaType, body) = await GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal("application/problem+json", mediaType);
        var errors = body.GetProperty("errors");
        Assert.Equal([parameter], errors.EnumerateObject().Select(e => e.Name).ToArray());
        Assert.Contains(parameter, errors.GetProperty(parameter)[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_bad_parameter_is_named_in_one_answer()
    {
        var (status, _, body) = await GetAsync("/estimates?country=Germany&weightGrams=x&warehouses=a");

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(["country", "warehouses", "weightGrams"], body.GetProperty("errors").EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal).ToArray());
    }

    [Theory]
    [InlineData("/estimates?country=ZZ&weightGrams=500", "UNSUPPORTED_COUNTRY")]
    [InlineData("/estimates?country=DE&weightGrams=40000&warehouses=1", "NO_CARRIER")]
    public async Task A_well_formed_question_without_an_answer_is_a_404_with_a_code(string pathAndQuery, string code)
    {
        var (status, mediaType, body) = await GetAsync(pathAndQuery);

        Assert.Equal(HttpStatusCode.NotFound, status);
        Assert.Equal("application/problem+json", mediaType);
        Assert.Equal(code, body.GetProperty("code").GetString());
    }

    [Fact]
    public async Task Only_get_is_allowed_and_only_at_the_collection_path()
    {
        using var post = await host.Client.PostAsync("/estimates?country=DE&weightGrams=500", null);
        using var below = await host.Client.GetAsync("/estimates/1?country=DE&weightGrams=500");

        Assert.Equal(HttpStatusCode.MethodNotAllowed, post.StatusCode);
        Assert.Equal(["GET", "HEAD"], post.Content.Headers.Allow.Order(StringComparer.Ordinal).ToArray());
        Assert.Equal(HttpStatusCode.NotFound, below.StatusCode);
    }
}
