using Gateway.EntityFramework.Mutations;
using GraphQL.DI;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>
/// Sets the <c>Mutation</c> and <c>Subscription</c> roots while the schema is built, when modules registered fields for
/// them, so they join whatever schema class the host uses without that class knowing about them. A root the schema
/// class set itself is kept.
/// </summary>
internal sealed class RootTypesSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider)
    {
        var registrations = serviceProvider.GetServices<RootFieldsRegistration>().ToList();
        if (registrations.Any(r => typeof(MutationFields).IsAssignableFrom(r.DeclarationType)))
        {
            schema.Mutation ??= serviceProvider.GetRequiredService<MutationRootType>();
        }

        if (registrations.Any(r => typeof(SubscriptionFields).IsAssignableFrom(r.DeclarationType)))
        {
            schema.Subscription ??= serviceProvider.GetRequiredService<SubscriptionRootType>();
        }
    }
}
