using System.Globalization;
using System.Text;
using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Budgets.NaiveBaseline;

/// <summary>
/// One page of an offset-paged list: the page is one query (first + 1 rows, to know whether more follow) and
/// <c>totalCount</c> is another, run only when selected.
/// </summary>
internal sealed record NaivePage<T>(IReadOnlyList<T> Items, int Offset, bool HasNextPage, Func<Task<int>> Count) : INaivePage
{
    public int ItemCount => Items.Count;

    public static async Task<NaivePage<T>> LoadAsync(IResolveFieldContext context, Func<Gateway.Store.StoreDbContext, IQueryable<T>> source)
    {
        var first = context.GetArgument("first", 10);
        var after = context.GetArgument<string?>("after");
        var offset = after is null ? 0 : int.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(after)), CultureInfo.InvariantCulture) + 1;
        var store = NaiveStore.Of(context); // read now: the context is reused once the resolver returns
        var rows = await store.QueryAsync(db => source(db).Skip(offset).Take(first + 1).ToListAsync());
        return new NaivePage<T>([.. rows.Take(first)], offset, rows.Count > first, () => store.QueryAsync(db => source(db).CountAsync()));
    }

    public static string Cursor(int index) => Convert.ToBase64String(Encoding.UTF8.GetBytes(index.ToString(CultureInfo.InvariantCulture)));
}

internal sealed class NaiveConnectionType<TNode, TNodeType> : ObjectGraphType<NaivePage<TNode>> where TNodeType : IGraphType
{
    public NaiveConnectionType()
    {
        Name = typeof(TNode).Name + "sConnection";
        Field<NonNullGraphType<IntGraphType>>("totalCount").ResolveAsync(async c => await c.Source.Count());
        Field<NonNullGraphType<NaivePageInfoType>>("pageInfo").Resolve(c => c.Source);
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Resolve(c => c.Source.Items);
        Field<ListGraphType<NonNullGraphType<NaiveEdgeType<TNode, TNodeType>>>>("edges")
            .Resolve(c => c.Source.Items.Select((item, i) => (Item: (object)item!, Index: c.Source.Offset + i)).ToList());
    }
}

internal sealed class NaiveEdgeType<TNode, TNodeType> : ObjectGraphType<(object Item, int Index)> where TNodeType : IGraphType
{
    public NaiveEdgeType()
    {
        Name = typeof(TNode).Name + "sEdge";
        Field<NonNullGraphType<StringGraphType>>("cursor").Resolve(c => NaivePage<TNode>.Cursor(c.Source.Index));
        Field<NonNullGraphType<TNodeType>>("node").Resolve(c => c.Source.Item);
    }
}

internal interface INaivePage
{
    int Offset { get; }
    bool HasNextPage { get; }
    int ItemCount { get; }
}

internal sealed class NaivePageInfoType : ObjectGraphType<INaivePage>
{
    public NaivePageInfoType()
    {
        Name = "PageInfo";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage").Resolve(c => c.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage").Resolve(c => c.Source.Offset > 0);
        Field<StringGraphType>("startCursor").Resolve(c => c.Source.ItemCount == 0 ? null : NaivePage<object>.Cursor(c.Source.Offset));
        Field<StringGraphType>("endCursor").Resolve(c => c.Source.ItemCount == 0 ? null : NaivePage<object>.Cursor(c.Source.Offset + c.Source.ItemCount - 1));
    }
}
