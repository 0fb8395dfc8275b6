using Gateway.DataLoader.Tests.Loaders;
using Gateway.DataLoader.Tests.Model;
using GraphQL;
using GraphQL.Types;

namespace Gateway.DataLoader.Tests.Schema;

public sealed class QueryType : ObjectGraphType
{
    public QueryType()
    {
        Name = "Query";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<ProductType>>>>("products")
            .Resolve(_ => CatalogData.Products);

        Field<NonNullGraphType<ListGraphType<CategoryType>>>("categories")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IntGraphType>>>>("ids")
            .Resolve(ctx => ctx.GetDataLoader<CategoryByIdLoader>().LoadManyAsync(ctx.GetArgument<List<int>>("ids")));
    }
}
