using System.Security.Claims;
using Gateway.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Auth;

public class TokenCommandTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    private async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var exitCode = await TokenCommand.RunAsync(host.Services, args, output, error, CancellationToken.None);
        return (exitCode, output.ToString(), error.ToString());
    }

    [Fact]
    public async Task Prints_a_token_for_a_seeded_customer_that_the_running_gateway_accepts()
    {
        var (exitCode, output, error) = await RunAsync("--customer", "12", "--role", "admin", "--hours", "2");

        Assert.Equal(0, exitCode);
        var token = output.Trim();
        Assert.DoesNotContain('\n', token);
        Assert.Contains("customer 12", error);

        var options = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var validation = await new JsonWebTokenHandler().ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(options.SigningKey!)),
        });
        Assert.True(validation.IsValid, validation.Exception?.Message);
        var jwt = (JsonWebToken)validation.SecurityToken;
        Assert.Equal("12", jwt.Subject);
        Assert.Equal("admin", jwt.GetClaim("role").Value);
        Assert.False(string.IsNullOrEmpty(jwt.GetClaim("name").Value));
        Assert.InRange(jwt.ValidTo - jwt.ValidFrom, TimeSpan.FromHours(2) - TimeSpan.FromSeconds(1), TimeSpan.FromHours(2) + TimeSpan.FromSeconds(1));

        var me = await AuthTestHost.WhoAmIAsync(host.CreateClient(), token);
        Assert.Equal("12", me.GetProperty("id").GetString());
        Assert.True(me.GetProperty("admin").GetBoolean());
    }

    [Fact]
    public async Task Customers_get_the_customer_role_and_the_configured_lifetime_by_default()
    {
        var (exitCode, output, _) = await RunAsync("--customer", "1");
        Assert.Equal(0, exitCode);
        var jwt = new JsonWebToken(output.Trim());
        Assert.Equal("customer", jwt.GetClaim("role").Value);
        var hours = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value.TokenLifetimeHours;
        Assert.Equal(TimeSpan.FromHours(hours), jwt.ValidTo - jwt.ValidFrom);
    }

    [Fact]
    public async Task An_unknown_customer_fails_with_exit_code_1_and_no_token()
    {
        var (exitCode, output, error) = await RunAsync("--customer", "987654");
        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("No customer with id 987654", error);
    }

    [Fact]
    public async Task Bad_arguments_fail_with_the_usage()
    {
        var (exitCode, output, error) = await RunAsync("--role", "admin");
        Assert.Equal(1, exitCode);
        Assert.Empty(output);
        Assert.Contains("--customer is required", error);
        Assert.Contains("Usage: token", error);
    }
}
