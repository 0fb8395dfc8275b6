using Gateway.Auth;
using Gateway.Http;
using Gateway.Http.WebSockets;
using Gateway.Messaging;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Schema;

public static class SubscriptionServiceCollectionExtensions
{
    /// <summary>
    /// Registers the transport of the storefront's live updates (each module adds its own <c>Subscription</c> fields): the
    /// event bus the fields listen to (an event bus registered earlier is kept), and the WebSocket transport signing
    /// sockets in with the bearer token of their <c>connection_init</c> payload (<see cref="JwtWebSocketAuthenticator"/>).
    /// Serve it with <c>app.UseGraphQLWebSockets("/graphql")</c>.
    /// </summary>
    public static IServiceCollection AddStorefrontSubscriptions(this IServiceCollection services)
    {
        services.AddInMemoryEventBus();
        services.TryAddSingleton<IWebSocketAuthenticator, JwtWebSocketAuthenticator>();
        services.AddGraphQLWebSockets();
        services.AddOptions<GraphQLWebSocketOptions>().BindConfiguration("GraphQL:WebSockets");
        return services;
    }
}
