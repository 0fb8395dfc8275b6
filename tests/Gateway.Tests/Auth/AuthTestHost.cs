using System.Security.Claims;
using System.Text.Json;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Auth;

/// <summary>
/// The gateway with one extra endpoint, <c>GET /test/whoami</c>, that echoes the caller's claims, so the tests see what
/// the real authentication stack made of a request without depending on the GraphQL schema.
/// </summary>
public sealed class AuthTestHost : GatewayFactory
{
    public const string WhoAmIPath = "/test/whoami";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(services => services.AddTransient<IStartupFilter, WhoAmIStartupFilter>());
    }

    private sealed class WhoAmIStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(WhoAmIPath, branch => branch.Run(async context =>
            {
                var user = context.User;
                await context.Response.WriteAsJsonAsync(new
                {
                    authenticated = user.Identity?.IsAuthenticated == true,
                    id = user.FindFirstValue(ClaimTypes.NameIdentifier),
                    name = user.Identity?.Name,
                    admin = user.IsInRole("admin"),
                });
            }));
            next(app);
        };
    }

    public static async Task<JsonElement> WhoAmIAsync(HttpClient client, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, WhoAmIPath);
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
