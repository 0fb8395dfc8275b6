using System.Text.Json;
using Gateway.Auth;
using Gateway.Http.WebSockets;
using Gateway.Tests.Transport;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Gateway.Tests.Subscriptions;

/// <summary>The gateway's registered <see cref="IWebSocketAuthenticator"/> on its own: payload shapes and token checks.</summary>
[Collection(KestrelGatewayCollection.Name)]
public sealed class JwtWebSocketAuthenticatorTests(KestrelGatewayFactory gateway)
{
    private IWebSocketAuthenticator Authenticator => gateway.Services.GetRequiredService<IWebSocketAuthenticator>();

    private string Token(int customerId, bool admin = false) =>
        gateway.Services.GetRequiredService<TokenIssuer>().Issue(customerId, $"Customer {customerId}", admin);

    private async Task<System.Security.Claims.ClaimsPrincipal?> AuthenticateAsync(string? payloadJson)
    {
        JsonElement? payload = payloadJson is null ? null : JsonDocument.Parse(payloadJson).RootElement.Clone();
        return await Authenticator.AuthenticateAsync(new DefaultHttpContext(), payload, CancellationToken.None);
    }

    [Fact]
    public void The_gateway_registers_the_jwt_authenticator() => Assert.IsType<JwtWebSocketAuthenticator>(Authenticator);

    [Theory]
    [InlineData("authorization", "Bearer ")]
    [InlineData("Authorization", "bearer ")]
    [InlineData("token", "")]
    [InlineData("token", "Bearer ")]
    public async Task A_valid_token_signs_the_customer_in(string key, string prefix)
    {
        var user = await AuthenticateAsync(JsonSerializer.Serialize(new Dictionary<string, string> { [key] = prefix + Token(12) }));

        Assert.Equal(12, CustomerAccess.CustomerIdOf(user));
        Assert.False(CustomerAccess.IsAdmin(user));
    }

    [Fact]
    public async Task An_admin_token_keeps_its_role()
    {
        var user = await AuthenticateAsync(JsonSerializer.Serialize(new { authorization = "Bearer " + Token(5, admin: true) }));

        Assert.True(CustomerAccess.IsAdmin(user));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("{}")]
    [InlineData("""{"authorization":null}""")]
    [InlineData("""{"other":"value"}""")]
    public async Task No_token_is_an_anonymous_socket(string? payload)
    {
        var user = await AuthenticateAsync(payload);

        Assert.NotNull(user);
        Assert.False(user.Identity?.IsAuthenticated);
    }

    [Theory]
    [InlineData("""{"authorization":"Bearer nonsense"}""")]
    [InlineData("""{"authorization":42}""")]
    [InlineData("""{"token":"Bearer "}""")]
    [InlineData("""{"token":["a"]}""")]
    public async Task A_token_that_is_not_a_valid_jwt_is_refused(string payload)
    {
        Assert.Null(await AuthenticateAsync(payload));
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var settings = gateway.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var forger = new TokenIssuer(
            Options.Create(new AuthOptions { Issuer = settings.Issuer, Audience = settings.Audience, SigningKey = new string('x', 64) }), TimeProvider.System);

        Assert.Null(await AuthenticateAsync(JsonSerializer.Serialize(new { authorization = "Bearer " + forger.Issue(1, "Forged", isAdmin: true) })));
    }
}
