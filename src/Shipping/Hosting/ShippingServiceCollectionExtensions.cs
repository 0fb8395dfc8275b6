using Gateway.Http;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shipping.Estimating;
using Shipping.Rest;
using Shipping.Schema;
using Shipping.Store;

namespace Shipping.Hosting;

public static class ShippingServiceCollectionExtensions
{
    /// <summary>The configuration key of the store's connection string (an in-memory store, seeded at start, when absent).</summary>
    public const string ConnectionStringName = "Shipping";

    /// <summary>How old the cached rate card may get before the next estimate reloads it from the store.</summary>
    public const string RateCardRefreshSecondsKey = "RateCard:RefreshSeconds";

    /// <summary>
    /// The whole shipping service: store, estimator, schema and the repository's GraphQL-over-HTTP transport. Used by the
    /// service's own Program and by the gateway, which embeds it in a service provider of its own.
    /// </summary>
    public static IServiceCollection AddShippingService(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddSingleton(new ShippingStoreConnection(configuration.GetConnectionString(ConnectionStringName)));
        services.AddDbContextFactory<ShippingDbContext>((provider, options) =>
            options.UseSqlite(provider.GetRequiredService<ShippingStoreConnection>().ConnectionString)
                .UseQueryTrackingBehavior(QueryTrackingBehavior.NoTracking));
        services.AddSingleton<ShippingStoreInitializer>();
        services.AddSingleton(provider => new RateCardCache(provider.GetRequiredService<IDbContextFactory<ShippingDbContext>>(),
            TimeProvider.System, TimeSpan.FromSeconds(configuration.GetValue(RateCardRefreshSecondsKey, 60)),
            provider.GetRequiredService<ILogger<RateCardCache>>()));
        services.AddSingleton<Estimator>();
        services.AddSingleton<CarrierDirectory>();
        services.AddGraphQL(graphQL => graphQL
            .AddSystemTextJson()
            .AddSchema<ShippingSchema>()
            .AddGraphTypes(typeof(ShippingSchema).Assembly));
        // The gateway reads this service's schema at start-up to check it can stitch it, in every environment.
        services.AddGraphQLHttp(options => options.EnableSdl = true);
        return services;
    }

    /// <summary>
    /// Creates and seeds the store, then answers GraphQL at <c>GraphQL:Http:Path</c> (<c>/graphql</c>) and one parcel's
    /// estimate over plain REST at <c>GET /estimates</c>.
    /// </summary>
    public static IApplicationBuilder UseShippingService(this IApplicationBuilder app)
    {
        app.ApplicationServices.GetRequiredService<ShippingStoreInitializer>().Initialize();
        app.UseShippingRestApi();
        return app.UseGraphQLHttp();
    }
}
