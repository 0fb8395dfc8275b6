namespace Gateway.DataLoader.Tests.Schema;

public sealed class CatalogSchema : GraphQL.Types.Schema
{
    public CatalogSchema(IServiceProvider services, QueryType query)
        : base(services)
    {
        Query = query;
    }
}
