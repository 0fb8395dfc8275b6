using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Options;
using Shipping.Hosting;

namespace Gateway.Shipping;

/// <summary>
/// The shipping service inside the gateway's host when no <c>Shipping:Url</c> is set: built in a service provider
/// of its own (its own schema, store and transport options, nothing shared with the gateway's GraphQL), served at
/// <c>/shipping/graphql</c>. The gateway's client calls it through the same pipeline as a remote, whose last hop
/// hands the request to the service in this process (<see cref="InProcessShippingHandler"/>) instead of a socket.
/// </summary>
public sealed class EmbeddedShipping(IOptions<ShippingOptions> options, ILoggerFactory loggers, IHostEnvironment environment) : IDisposable
{
    private readonly Lock _sync = new();
    private ServiceProvider? _services;

    public bool Enabled => string.IsNullOrWhiteSpace(options.Value.Url);

    public IServiceProvider Services
    {
        get
        {
            lock (_sync)
            {
                return _services ??= Build();
            }
        }
    }

    public string PrintSchema()
    {
        var schema = Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return schema.Print();
    }

    private ServiceProvider Build()
    {
        // Only its own settings: the gateway's GraphQL:* sections (limits, paths, persisted operations) are not the service's.
        var configuration = new ConfigurationBuilder().Build();
        var services = new ServiceCollection();
        services.AddSingleton(loggers);
        services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        services.AddSingleton<IConfiguration>(configuration);
        services.AddSingleton(environment);
        services.AddShippingService(configuration);
        return services.BuildServiceProvider();
    }

    public void Dispose() => _services?.Dispose();
}

public static class EmbeddedShippingExtensions
{
    /// <summary>Serves the embedded shipping service at <c>/shipping/graphql</c> unless <c>Shipping:Url</c> points elsewhere.</summary>
    public static WebApplication MapEmbeddedShipping(this WebApplication app)
    {
        var embedded = app.Services.GetRequiredService<EmbeddedShipping>();
        if (!embedded.Enabled)
        {
            return app;
        }

        // Built once: mapped at /shipping for outside callers, and invoked directly by the gateway's own client.
        var branch = ((IApplicationBuilder)app).New();
        branch.ApplicationServices = embedded.Services;
        // Requests of the branch resolve the service's scoped services (its schema, executer, store) from its provider.
        branch.Use(async (context, next) =>
        {
            var gatewayServices = context.RequestServices;
            await using var scope = embedded.Services.CreateAsyncScope();
            context.RequestServices = scope.ServiceProvider;
            try
            {
                await next(context);
            }
            finally
            {
                context.RequestServices = gatewayServices;
            }
        });
        branch.UseShippingService();
        var pipeline = branch.Build();
        app.Services.GetRequiredService<EmbeddedShippingPipeline>().Set(pipeline);
        app.Map(ShippingOptions.EmbeddedPath, mapped => mapped.Run(pipeline));
        return app;
    }
}
