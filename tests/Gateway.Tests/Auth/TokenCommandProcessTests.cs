using System.Diagnostics;
using Gateway.Auth;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Tests.Auth;

/// <summary>The token command as a developer runs it: the gateway's own executable, its configuration, a real store.</summary>
public class TokenCommandProcessTests(AuthTestHost host) : IClassFixture<AuthTestHost>
{
    private async Task<(int ExitCode, string Output, string Error)> RunGatewayAsync(params string[] args)
    {
        _ = host.Services; // starts the host, so its store is migrated and seeded
        var start = new ProcessStartInfo("dotnet")
        {
            // Content root is the working directory, where the build copied appsettings*.json.
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Gateway.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["DOTNET_ENVIRONMENT"] = "Development";
        start.Environment["ConnectionStrings__Store"] = $"Data Source={host.DatabasePath}";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        return (process.ExitCode, await output, await error);
    }

    [Fact]
    public async Task The_gateway_executable_prints_a_valid_token_and_exits_without_serving()
    {
        var (exitCode, output, error) = await RunGatewayAsync("token", "--customer", "7");

        Assert.True(exitCode == 0, error);
        var options = host.Services.GetRequiredService<IOptions<AuthOptions>>().Value;
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(output.Trim(), new TokenValidationParameters
        {
            ValidIssuer = options.Issuer,
            ValidAudience = options.Audience,
            IssuerSigningKey = new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(options.SigningKey!)),
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        Assert.Equal("7", ((JsonWebToken)result.SecurityToken).Subject);
    }

    [Fact]
    public async Task The_gateway_executable_fails_with_exit_code_1_for_an_unknown_customer()
    {
        var (exitCode, output, error) = await RunGatewayAsync("token", "--customer", "999999");

        Assert.Equal(1, exitCode);
        Assert.Equal("", output.Trim());
        Assert.Contains("No customer with id 999999", error);
    }
}
