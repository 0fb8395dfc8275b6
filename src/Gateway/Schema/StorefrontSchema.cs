using Gateway.EntityFramework.Types;

namespace Gateway.Schema;

/// <summary>The storefront's GraphQL schema: the query engine's root type, with the modules' fields.</summary>
public sealed class StorefrontSchema : GraphQL.Types.Schema
{
    public StorefrontSchema(IServiceProvider services, EntityQueryType query) : base(services)
    {
        Query = query;
    }
}
