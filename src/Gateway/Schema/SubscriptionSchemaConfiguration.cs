using GraphQL.DI;
using GraphQL.Types;

namespace Gateway.Schema;

/// <summary>Sets <see cref="SubscriptionType"/> as the schema's subscription root while the schema is built.</summary>
internal sealed class SubscriptionSchemaConfiguration : IConfigureSchema
{
    public void Configure(ISchema schema, IServiceProvider serviceProvider) =>
        schema.Subscription ??= serviceProvider.GetRequiredService<SubscriptionType>();
}
