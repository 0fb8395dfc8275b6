using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.DataLoader;

/// <summary>Registers loaders with Microsoft dependency injection.</summary>
public static class DataLoaderServiceCollectionExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TLoader"/> as a scoped service: one instance, hence one cache, per
    /// request scope (ASP.NET Core's <c>HttpContext.RequestServices</c>, passed to GraphQL.NET as
    /// <c>ExecutionOptions.RequestServices</c>). Its constructor may take other scoped services, e.g. a DbContext.
    /// Registering the same loader twice is harmless.
    /// </summary>
    /// <typeparam name="TLoader">A loader class, e.g. one deriving from <see cref="BatchDataLoader{TKey, TValue}"/>.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The service collection, for chaining.</returns>
    public static IServiceCollection AddDataLoader<TLoader>(this IServiceCollection services)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddScoped<TLoader>();
        return services;
    }
}
