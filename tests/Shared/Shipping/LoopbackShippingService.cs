using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shipping.Hosting;

namespace Gateway.Benchmarks.Hosting;

/// <summary>
/// The shipping service on Kestrel at a loopback port of this process, for an in-process gateway: its test server has
/// no socket for the embedded service to be called on, and delivery is part of ProductPage and CatalogPage.
/// </summary>
internal sealed class LoopbackShippingService : IAsyncDisposable
{
    private readonly WebApplication _app;

    private LoopbackShippingService(WebApplication app, string graphQLUrl)
    {
        _app = app;
        GraphQLUrl = graphQLUrl;
    }

    public string GraphQLUrl { get; }

    public static async Task<LoopbackShippingService> StartAsync()
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddShippingService(builder.Configuration);
        var app = builder.Build();
        app.UseShippingService();
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new LoopbackShippingService(app, address + "/graphql");
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();
}
