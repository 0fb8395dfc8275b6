using GraphQL.DI;

namespace Gateway.DataLoader;

/// <summary>Registers loaders from a GraphQL.NET builder chain (<c>services.AddGraphQL(b =&gt; b.AddDataLoader&lt;…&gt;())</c>).</summary>
public static class DataLoaderGraphQLBuilderExtensions
{
    /// <summary>
    /// Registers <typeparamref name="TLoader"/> as a scoped service, like
    /// <see cref="DataLoaderServiceCollectionExtensions.AddDataLoader{TLoader}(Microsoft.Extensions.DependencyInjection.IServiceCollection)"/>.
    /// </summary>
    /// <typeparam name="TLoader">A loader class.</typeparam>
    /// <param name="builder">The GraphQL builder.</param>
    /// <returns>The builder, for chaining.</returns>
    public static IGraphQLBuilder AddDataLoader<TLoader>(this IGraphQLBuilder builder)
        where TLoader : class
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.TryRegister(typeof(TLoader), typeof(TLoader), ServiceLifetime.Scoped, RegistrationCompareMode.ServiceType);
        return builder;
    }
}
