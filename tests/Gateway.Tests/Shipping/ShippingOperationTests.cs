using System.Text.Json;
using Gateway.Shipping;

namespace Gateway.Tests.Shipping;

/// <summary>The parts of the client that need no remote: the key, the answer's reading, the SDL check.</summary>
public sealed class ShippingOperationTests
{
    [Theory]
    [InlineData("1200|26", "1,3,4")] // bits 1, 3 and 4
    [InlineData("300|", "")] // no stock anywhere: SUM over no rows is NULL
    [InlineData("300|0", "")]
    public void The_projected_requirement_becomes_a_normalized_key(string requirement, string warehouses)
    {
        var request = DeliveryRequest.From(" fr ", requirement);

        Assert.Equal("FR", request.Country);
        Assert.Equal(int.Parse(requirement.Split('|')[0]), request.WeightGrams);
        Assert.Equal(warehouses, request.Warehouses);
    }

    [Fact]
    public void An_answer_is_read_per_country_alias_and_an_alias_error_keeps_its_code()
    {
        var de = new DeliveryRequest("DE", 500, "1");
        var zz = new DeliveryRequest("ZZ", 500, "1");
        var countries = new[] { de, zz }.GroupBy(r => r.Country).ToList();
        var body = JsonDocument.Parse("""
            { "errors": [ { "message": "No carrier delivers to 'ZZ'.", "path": ["e1"], "extensions": { "code": "UNSUPPORTED_COUNTRY" } } ],
              "data": null }
            """).RootElement;

        var outcomes = ShippingOperation.Read(body, countries);

        Assert.Equal("UNSUPPORTED_COUNTRY", outcomes[zz].ErrorCode);
        Assert.Equal(UpstreamErrors.Unavailable, outcomes[de].ErrorCode); // its list was nulled with the whole data
    }

    [Fact]
    public void An_operation_rejected_as_a_whole_is_an_upstream_failure()
    {
        var countries = new[] { new DeliveryRequest("DE", 500, "") }.GroupBy(r => r.Country).ToList();
        var body = JsonDocument.Parse("""{ "errors": [ { "message": "Cannot query field 'days'." } ] }""").RootElement;

        Assert.Throws<UpstreamRejectedException>(() => ShippingOperation.Read(body, countries));
    }

    [Fact]
    public async Task The_published_sdl_is_compatible_and_a_renamed_field_is_not()
    {
        var sdl = await File.ReadAllTextAsync(Path.Combine(Infrastructure.ContractPaths.RepositoryRoot, "schema", "shipping.graphql"));

        Assert.Empty(await ShippingSchemaCheck.IncompatibilitiesAsync(sdl));
        var errors = await ShippingSchemaCheck.IncompatibilitiesAsync(sdl.Replace("  weightGrams: Int!", "  grams: Int!"));
        Assert.Contains(errors, e => e.Contains("weightGrams", StringComparison.Ordinal));
    }
}
