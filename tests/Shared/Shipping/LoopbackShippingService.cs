using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Hosting;

namespace Gateway.Testing;

/// <summary>
/// The real shipping service on Kestrel at a loopback port of this process, for in-memory gateways (a test server has
/// no socket for the embedded service to be called on) and for tests that put a remote in front of one. Shared by the
/// gateway's tests and the benchmarks.
/// </summary>
public sealed class LoopbackShippingService : IAsyncDisposable
{
    private LoopbackShippingService(WebApplication app, string graphQLUrl)
    {
        App = app;
        GraphQLUrl = graphQLUrl;
    }

    public WebApplication App { get; }

    /// <summary>Its GraphQL endpoint, e.g. <c>http://127.0.0.1:41234/graphql</c>.</summary>
    public string GraphQLUrl { get; }

    /// <summary>Starts it; <paramref name="inFront"/> may add middleware that runs before the service's own.</summary>
    public static async Task<LoopbackShippingService> StartAsync(Action<WebApplication>? inFront = null)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddShippingService(builder.Configuration);
        var app = builder.Build();
        inFront?.Invoke(app);
        app.UseShippingService();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackShippingService(app, address + "/graphql");
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
