using Gateway.Http.Cors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Gateway.Http;

/// <summary>Registers CORS for browser frontends: ASP.NET Core's CORS middleware and the WebSocket origin check.</summary>
public static class GraphQLCorsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the <see cref="GraphQLCorsOptions.PolicyName"/> policy (bound from the <c>Cors</c> section, then
    /// <paramref name="configure"/>) and puts it at the very front of the pipeline, so that every response, the 401 of
    /// a rejected token included, carries the CORS headers a browser needs to let the page read it, and preflights are
    /// answered (204) before anything else runs.
    /// </summary>
    public static IServiceCollection AddGraphQLCors(this IServiceCollection services, Action<GraphQLCorsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLCorsOptions>()
            .BindConfiguration(GraphQLCorsOptions.ConfigurationSection)
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.PreflightMaxAgeSeconds >= 0, "PreflightMaxAgeSeconds must not be negative.");
        services.AddCors();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureOptions<CorsOptions>, GraphQLCorsPolicySetup>());

        // Startup filters wrap each other in registration order; the first one registered is the outermost.
        if (!services.Any(service => service.ImplementationType == typeof(CorsStartupFilter)))
        {
            services.Insert(0, ServiceDescriptor.Transient<IStartupFilter, CorsStartupFilter>());
        }

        return services;
    }

    private sealed class CorsStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.UseCors(GraphQLCorsOptions.PolicyName);
            app.UseMiddleware<WebSocketOriginMiddleware>();
            next(app);
        };
    }
}
