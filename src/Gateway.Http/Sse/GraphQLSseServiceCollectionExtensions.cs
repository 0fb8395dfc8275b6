using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http;

/// <summary>Configures GraphQL over Server-Sent Events, which the HTTP endpoint serves.</summary>
public static class GraphQLSseServiceCollectionExtensions
{
    /// <summary>Binds <see cref="GraphQLSseOptions"/> from <see cref="GraphQLSseOptions.ConfigurationSection"/>, then runs <paramref name="configure"/>.</summary>
    public static IServiceCollection AddGraphQLServerSentEvents(this IServiceCollection services, Action<GraphQLSseOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<GraphQLSseOptions>()
            .BindConfiguration(GraphQLSseOptions.ConfigurationSection)
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.KeepAliveInterval > TimeSpan.Zero, "KeepAliveInterval must be positive.")
            .Validate(options => options.MaxPendingEvents > 0, "MaxPendingEvents must be positive.")
            .ValidateOnStart();
        return services;
    }
}
