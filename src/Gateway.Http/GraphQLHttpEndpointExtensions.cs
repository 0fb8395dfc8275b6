using Gateway.Http.Transport;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http;

/// <summary>Puts the GraphQL-over-HTTP transport of Gateway.Http into the request pipeline.</summary>
public static class GraphQLHttpEndpointExtensions
{
    /// <summary>
    /// Maps the endpoint at <c>GraphQLHttpOptions.Path</c> (and the IDE's files below it) for every method; the
    /// transport answers unsupported methods itself with 405. Returns the group's convention builder, so that
    /// e.g. <c>.RequireCors(…)</c> applies to the endpoint. Requires <c>services.AddGraphQLHttp()</c>.
    /// </summary>
    public static RouteGroupBuilder MapGraphQLHttp(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        var handler = GetHandler(endpoints.ServiceProvider);
        var group = endpoints.MapGroup(handler.Path.Value!);
        group.Map("{**ide}", handler.HandleAsync).WithDisplayName("GraphQL over HTTP");
        return group;
    }

    /// <summary>
    /// Adds the transport as middleware: requests to <c>GraphQLHttpOptions.Path</c> or below it are answered, all
    /// others go on down the pipeline. For apps without endpoint routing; prefer <see cref="MapGraphQLHttp"/>.
    /// </summary>
    public static IApplicationBuilder UseGraphQLHttp(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var handler = GetHandler(app.ApplicationServices);
        return app.Use(next => context =>
            context.Request.Path.StartsWithSegments(handler.Path, StringComparison.OrdinalIgnoreCase)
                ? handler.HandleAsync(context)
                : next(context));
    }

    private static GraphQLHttpHandler GetHandler(IServiceProvider services) =>
        services.GetService<GraphQLHttpHandler>()
        ?? throw new InvalidOperationException("The GraphQL HTTP transport is not registered; call services.AddGraphQLHttp() first.");
}
