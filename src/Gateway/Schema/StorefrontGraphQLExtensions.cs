using Gateway.Catalog;
using Gateway.Customers;
using Gateway.EntityFramework;
using Gateway.Http;
using Gateway.Http.Telemetry;
using Gateway.Inventory;
using Gateway.Reviews;
using Gateway.Sales;
using Gateway.Store;
using Gateway.Wishlists;
using GraphQL;

namespace Gateway.Schema;

public static class StorefrontGraphQLExtensions
{
    /// <summary>
    /// The storefront's GraphQL API: every module's types and fields, the query engine over the store, and the
    /// HTTP (with Server-Sent Events) and WebSocket transports, persisted operations (GraphQL:PersistedOperations), CORS (Cors), compression and Cache-Control (GraphQL:CacheControl). Used by Program.cs and by the tests alike.
    /// </summary>
    public static IServiceCollection AddStorefrontGraphQL(this IServiceCollection services, IConfiguration configuration)
    {
        services
            .AddCatalogModule()
            .AddCustomersModule()
            .AddReviewsModule()
            .AddSalesModule()
            .AddInventoryModule()
            .AddWishlistsModule();
        services.AddGraphQL(graphQL => graphQL
            .AddSystemTextJson()
            .AddSchema<StorefrontSchema>()
            .UseOperationTelemetry()
            .AddEntityFramework<StoreDbContext>(options =>
            {
                configuration.GetSection(EntityFrameworkOptions.SectionName).Bind(options);
                // the filter breadth limits are listed with the other request limits, under GraphQL:Limits
                configuration.GetSection(GraphQLLimitsOptions.ConfigurationSection).Bind(options);
            }));
        services.AddStorefrontSubscriptions();
        services.AddGraphQLHttp();
        services.AddGraphQLServerSentEvents();
        services.AddGraphQLPersistedOperations();
        services.AddGraphQLCors();
        services.AddGraphQLResponseCompression();
        services.AddGraphQLCacheHeaders();
        return services;
    }
}
