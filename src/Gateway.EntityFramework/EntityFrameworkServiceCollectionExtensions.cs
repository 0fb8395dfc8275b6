using System.Reflection;
using Gateway.EntityFramework.Diagnostics;
using Gateway.EntityFramework.Types;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework;

/// <summary>Registration of entity types, embedded types, type extensions and root queries, from any module.</summary>
public static class EntityFrameworkServiceCollectionExtensions
{
    /// <summary>Registers an <see cref="EntityType{T}"/>.</summary>
    public static IServiceCollection AddEntityType<TType>(this IServiceCollection services)
        where TType : IEntityMarker => Add(services, typeof(TType));

    /// <summary>Registers an <see cref="EmbeddedType{T}"/>.</summary>
    public static IServiceCollection AddEmbeddedType<TType>(this IServiceCollection services)
        where TType : IEntityMarker => Add(services, typeof(TType));

    /// <summary>Registers an <see cref="EntityTypeExtension{T}"/>: its fields join the entity type of its entity.</summary>
    public static IServiceCollection AddEntityTypeExtension<TExtension>(this IServiceCollection services)
        where TExtension : IEntityMarker => Add(services, typeof(TExtension));

    /// <summary>Registers root fields declared by an <see cref="EntityQueries{TContext}"/>.</summary>
    public static IServiceCollection AddEntityQueries<TQueries>(this IServiceCollection services)
        where TQueries : IEntityMarker => Add(services, typeof(TQueries));

    /// <summary>Registers every non-abstract entity type, embedded type, extension and queries class of <paramref name="assembly"/>.</summary>
    public static IServiceCollection AddEntityDeclarationsFrom(this IServiceCollection services, Assembly assembly)
    {
        foreach (var type in assembly.GetTypes().Where(t => t is { IsAbstract: false, IsGenericTypeDefinition: false } && typeof(IEntityMarker).IsAssignableFrom(t)))
        {
            Add(services, type);
        }

        return services;
    }

    /// <summary>
    /// Counts this context's SQL statements per GraphQL request (see <see cref="SqlStatementCounter"/>) and, with a
    /// <paramref name="recorder"/>, into that recorder's recordings as well.
    /// </summary>
    public static DbContextOptionsBuilder AddSqlStatementCounting(this DbContextOptionsBuilder options, SqlStatementRecorder? recorder = null) =>
        options.AddInterceptors(recorder is null ? SqlStatementCountingInterceptor.Instance : new SqlStatementCountingInterceptor(recorder));

    private static IServiceCollection Add(IServiceCollection services, Type type)
    {
        if (!services.Any(d => d.ServiceType == typeof(EntityRegistration) && ((EntityRegistration?)d.ImplementationInstance)?.ImplementationType == type))
        {
            services.AddSingleton(new EntityRegistration(type));
            if (typeof(IEntityObjectType).IsAssignableFrom(type))
            {
                // a graph type referenced by CLR type (Field<ProductType>(...)) must resolve to the completed instance
                services.AddSingleton(type, sp => sp.GetRequiredService<EntityModel>().Instance(type));
            }
        }

        return services;
    }
}
