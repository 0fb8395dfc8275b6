using Gateway.Http.WebSockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Http;

/// <summary>Registers and mounts the GraphQL WebSocket transport (<c>graphql-transport-ws</c>).</summary>
public static class GraphQLWebSocketExtensions
{
    /// <summary>
    /// Registers the WebSocket transport's options and the default
    /// <see cref="IWebSocketAuthenticator"/> (the upgrade request's <c>HttpContext.User</c>); an
    /// authenticator registered before or after this call wins. Execution needs
    /// <c>IDocumentExecuter</c>, <c>ISchema</c> and <c>IGraphQLSerializer</c>, which
    /// <c>services.AddGraphQL(b =&gt; b.AddSchema&lt;…&gt;().AddSystemTextJson())</c> provides.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of <see cref="GraphQLWebSocketOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, Action<GraphQLWebSocketOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLWebSocketOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.MaxMessageBytes > 0, "MaxMessageBytes must be positive.")
            .Validate(options => options.MaxPendingMessages > 0, "MaxPendingMessages must be positive.")
            .Validate(options => options.MaxOperationsPerConnection > 0, "MaxOperationsPerConnection must be positive.")
            .Validate(options => options.CloseTimeout > TimeSpan.Zero, "CloseTimeout must be positive.")
            .Validate(
                options => options.ConnectionInitTimeout > TimeSpan.Zero || options.ConnectionInitTimeout == Timeout.InfiniteTimeSpan,
                "ConnectionInitTimeout must be positive or infinite.");
        services.TryAddSingleton<IWebSocketAuthenticator, HttpContextUserAuthenticator>();
        return services;
    }

    /// <summary>
    /// Serves <c>graphql-transport-ws</c> WebSocket upgrade requests on <paramref name="path"/>;
    /// every other request (e.g. POST/GET for the HTTP transport) passes through untouched.
    /// Place it after authentication (the default authenticator reads <c>HttpContext.User</c>).
    /// Also adds ASP.NET Core's WebSocket middleware, configured by <c>WebSocketOptions</c>
    /// (e.g. <c>AllowedOrigins</c>, which guards cookie-authenticated sockets against
    /// cross-site use).
    /// </summary>
    /// <param name="app">The application builder.</param>
    /// <param name="path">The GraphQL path; default <c>/graphql</c>.</param>
    /// <returns>The same application builder.</returns>
    public static IApplicationBuilder UseGraphQLWebSockets(this IApplicationBuilder app, string path = "/graphql")
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentException.ThrowIfNullOrEmpty(path);

        // The WebSocket middleware skips requests another instance of it has already handled,
        // so adding it here is safe when the host also calls UseWebSockets().
        app.UseWebSockets();
        return app.UseMiddleware<GraphQLWebSocketMiddleware>(new PathString(path));
    }
}
