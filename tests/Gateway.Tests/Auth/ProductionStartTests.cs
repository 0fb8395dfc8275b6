using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Auth;

public class ProductionStartTests
{
    private sealed class ProductionGateway(string? signingKey) : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            signingKey is null ? [] : [new("Auth:SigningKey", signingKey)];

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            // Outside Development, appsettings.Development.json (and its key) is not loaded.
            builder.UseEnvironment("Production");
        }
    }

    [Theory]
    [InlineData(null, "Auth:SigningKey is not set")]
    [InlineData("too-short-key", "Auth:SigningKey is 13 bytes long")]
    public async Task The_gateway_refuses_to_start_without_a_real_signing_key(string? key, string message)
    {
        await using var gateway = new ProductionGateway(key);
        var exception = Assert.ThrowsAny<Exception>(() => gateway.CreateClient());
        var validation = Assert.IsType<OptionsValidationException>(Unwrap(exception));
        Assert.Contains(message, validation.Message);
    }

    [Fact]
    public async Task The_gateway_starts_in_production_with_a_key_of_32_bytes()
    {
        await using var gateway = new ProductionGateway(new string('k', 32));
        using var client = gateway.CreateClient();
        using var response = await client.GetAsync("/no-such-path-on-the-gateway");
        Assert.Equal(System.Net.HttpStatusCode.NotFound, response.StatusCode);
    }

    private static Exception Unwrap(Exception exception) =>
        exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? Unwrap(aggregate.InnerException!) : exception;
}
