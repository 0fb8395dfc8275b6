using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Gateway.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Auth;

public class BearerTokenTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    private readonly HttpClient _client = host.CreateClient();

    private AuthOptions Options => host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;

    private string Token(
        string? issuer = null, string? audience = null, string? key = null,
        DateTime? notBefore = null, DateTime? expires = null, string subject = "4", string role = "customer")
    {
        var now = DateTime.UtcNow;
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer ?? Options.Issuer,
            Audience = audience ?? Options.Audience,
            NotBefore = notBefore ?? now.AddMinutes(-1),
            IssuedAt = notBefore ?? now.AddMinutes(-1),
            Expires = expires ?? now.AddHours(1),
            Claims = new Dictionary<string, object> { ["sub"] = subject, ["name"] = "Test Customer", ["role"] = role },
            SigningCredentials = new SigningCredentials(
                new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key ?? Options.SigningKey!)), SecurityAlgorithms.HmacSha256),
        });
    }

    [Fact]
    public async Task Requests_without_a_token_are_anonymous_not_rejected()
    {
        var me = await AuthTestHost.WhoAmIAsync(_client, token: null);
        Assert.False(me.GetProperty("authenticated").GetBoolean());
    }

    [Fact]
    public async Task A_valid_token_signs_the_customer_in_with_the_claims_contract()
    {
        var me = await AuthTestHost.WhoAmIAsync(_client, Token(subject: "4", role: "admin"));
        Assert.True(me.GetProperty("authenticated").GetBoolean());
        Assert.Equal("4", me.GetProperty("id").GetString());
        Assert.Equal("Test Customer", me.GetProperty("name").GetString());
        Assert.True(me.GetProperty("admin").GetBoolean());
    }

    [Fact]
    public async Task A_token_from_the_gateways_own_issuer_is_accepted()
    {
        var token = host.Services.GetRequiredService<TokenIssuer>().Issue(9, "Nine", isAdmin: false);
        var me = await AuthTestHost.WhoAmIAsync(_client, token);
        Assert.Equal("9", me.GetProperty("id").GetString());
        Assert.False(me.GetProperty("admin").GetBoolean());
    }

    public static TheoryData<string, string> RejectedTokens => new()
    {
        { "expired", "expired" },
        { "malformed", "malformed" },
        { "wrong-signature", "signature" },
        { "wrong-issuer", "issuer" },
        { "wrong-audience", "audience" },
        { "not-yet-valid", "not valid yet" },
        { "empty", "Authentication is required" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task A_bad_token_gets_401_with_a_graphql_shaped_error(string kind, string messagePart)
    {
        var now = DateTime.UtcNow;
        var token = kind switch
        {
            "expired" => Token(notBefore: now.AddHours(-2), expires: now.AddHours(-1)),
            "malformed" => "not.a-jwt",
            "wrong-signature" => Token(key: "another-signing-key-of-at-least-32-bytes-length"),
            "wrong-issuer" => Token(issuer: "someone-else"),
            "wrong-audience" => Token(audience: "another-app"),
            "not-yet-valid" => Token(notBefore: now.AddHours(1), expires: now.AddHours(2)),
            _ => "",
        };

        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent("""{"query":"{ __typename }"}""", Encoding.UTF8, "application/json"),
        };
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(response.Headers.WwwAuthenticate, h => h.Scheme == "Bearer");
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var error = body["errors"]![0]!;
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)error["extensions"]!["code"]);
        Assert.Contains(messagePart, (string?)error["message"], StringComparison.OrdinalIgnoreCase);
        Assert.Null(body["data"]);
    }

    [Fact]
    public async Task A_non_bearer_authorization_header_gets_401_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, AuthTestHost.WhoAmIPath);
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", "dXNlcjpwYXNz");
        using var response = await _client.SendAsync(request);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        Assert.Equal("AUTH_NOT_AUTHENTICATED", (string?)body["errors"]![0]!["extensions"]!["code"]);
    }
}
