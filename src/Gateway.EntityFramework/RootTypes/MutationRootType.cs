using Gateway.EntityFramework.Mutations;
using Gateway.EntityFramework.Types;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>The <c>Mutation</c> root: the mutations of every registered <see cref="MutationFields"/>, in registration order.</summary>
internal sealed class MutationRootType : ObjectGraphType
{
    public MutationRootType(IServiceProvider services)
    {
        Name = "Mutation";
        var factory = new MutationFieldFactory(services.GetRequiredService<EntityModel>());
        var owners = new RootFieldOwners(this);
        foreach (var fields in RootFieldsRegistration.Instances<MutationFields>(services))
        {
            foreach (var definition in fields.Definitions)
            {
                owners.Add(factory.Create(definition), fields.GetType());
            }
        }
    }
}
