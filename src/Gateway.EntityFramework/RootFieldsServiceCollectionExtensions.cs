using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.RootTypes;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.EntityFramework;

/// <summary>Registration of a module's mutation and subscription root fields, from the module's own folder.</summary>
public static class RootFieldsServiceCollectionExtensions
{
    /// <summary>
    /// Adds the mutations declared by <typeparamref name="TFields"/> to the <c>Mutation</c> root, which the schema gets
    /// as it is built (with the query engine, <c>AddEntityFramework</c>). Fields keep the order of registration.
    /// </summary>
    public static IServiceCollection AddMutationFields<TFields>(this IServiceCollection services)
        where TFields : MutationFields => Add(services, typeof(TFields));

    /// <summary>Adds the fields declared by <typeparamref name="TFields"/> to the <c>Subscription</c> root. Fields keep the order of registration.</summary>
    public static IServiceCollection AddSubscriptionFields<TFields>(this IServiceCollection services)
        where TFields : SubscriptionFields => Add(services, typeof(TFields));

    private static IServiceCollection Add(IServiceCollection services, Type type)
    {
        if (!services.Any(d => d.ImplementationInstance is RootFieldsRegistration r && r.DeclarationType == type))
        {
            services.AddSingleton(new RootFieldsRegistration(type));
        }

        services.TryAddSingleton(sp => new MutationRootType(sp));
        services.TryAddSingleton(sp => new SubscriptionRootType(sp));
        services.TryAddTransient<ErrorInterfaceType>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IConfigureSchema, RootTypesSchemaConfiguration>());
        return services;
    }
}
