using GraphQL.DI;
using GraphQL.Types;

namespace Gateway.Errors;

/// <summary>
/// Sets <see cref="MutationType"/> as the schema's mutation root while the schema is built, so the mutations join
/// whatever schema class the host uses without that class knowing about them.
/// </summary>
internal sealed class MutationSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider) =>
        schema.Mutation ??= serviceProvider.GetRequiredService<MutationType>();
}
