using GraphQL.Types;

namespace Gateway.EntityFramework.Paging;

/// <summary><c>PageInfo { hasNextPage hasPreviousPage startCursor endCursor }</c>.</summary>
internal sealed class PageInfoType : ObjectGraphType<PageInfoResult>
{
    public PageInfoType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Resolve(ctx => ctx.Source.EndCursor);
    }
}
