using System.Net.Http.Json;
using System.Text.Json;

namespace Shipping.Tests;

public sealed class EstimateTests(ShippingHost host) : IClassFixture<ShippingHost>
{
    private async Task<JsonElement> PostAsync(string query)
    {
        var response = await host.Client.PostAsJsonAsync("/graphql", new { query });
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task Many_items_are_estimated_in_one_operation_in_their_order()
    {
        var body = await PostAsync("""
            { estimates(country: "FR", items: [
                { weightGrams: 1200, warehouses: ["2", "3"] },
                { weightGrams: 40000, warehouses: ["1"] },
                { weightGrams: 300, warehouses: [] } ]) { days cost currency carrier { code name } } }
            """);

        var estimates = body.GetProperty("data").GetProperty("estimates");
        Assert.Equal(3, estimates.GetArrayLength());
        Assert.Equal(JsonValueKind.Null, estimates[1].ValueKind); // heavier than the heaviest band
        // warehouse 2 hands over in 1 day; an item no warehouse holds is backordered first
        Assert.True(estimates[2].GetProperty("days").GetInt32() > estimates[0].GetProperty("days").GetInt32());
        Assert.Equal("EUR", estimates[0].GetProperty("currency").GetString());
        // exact money: cents, never a binary fraction
        var cost = estimates[0].GetProperty("cost").GetDecimal();
        Assert.Equal(cost, decimal.Round(cost, 2));
    }

    [Fact]
    public async Task Answers_are_deterministic_across_starts()
    {
        const string query = """{ estimates(country: "DE", items: [{ weightGrams: 800, warehouses: ["4"] }]) { days cost carrier { code } } }""";
        var first = (await PostAsync(query)).GetRawText();

        await using var other = new ShippingHost();
        await other.InitializeAsync();
        var response = await other.Client.PostAsJsonAsync("/graphql", new { query });
        Assert.Equal(first, (await response.Content.ReadFromJsonAsync<JsonElement>()).GetRawText());
    }

    [Theory]
    [InlineData("ZZ", "UNSUPPORTED_COUNTRY")]
    [InlineData("France", "INVALID_COUNTRY")]
    public async Task A_country_it_cannot_serve_is_an_error_with_a_code(string country, string code)
    {
        var body = await PostAsync($$"""{ estimates(country: "{{country}}", items: [{ weightGrams: 800, warehouses: [] }]) { days } }""");

        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("extensions").GetProperty("code").GetString());
    }

    [Fact]
    public async Task Carriers_are_listed_by_code()
    {
        var body = await PostAsync("{ carriers { code name } }");

        Assert.Equal(["CARGO", "PARCELO", "SWIFT"],
            body.GetProperty("data").GetProperty("carriers").EnumerateArray().Select(c => c.GetProperty("code").GetString()!).ToArray());
    }
}
