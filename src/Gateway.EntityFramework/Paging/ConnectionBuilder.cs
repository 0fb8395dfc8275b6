using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Paging;

/// <summary>Turns the rows fetched for a page (one more than the page size, to learn whether more exist) into a connection.</summary>
internal static class ConnectionBuilder
{
    public static ConnectionResult Build(List<EntityRow> rows, PageRequest page, int? totalCount)
    {
        var hasMore = rows.Count > page.Size;
        if (hasMore)
        {
            rows.RemoveRange(page.Size, rows.Count - page.Size);
        }

        if (page.Backward)
        {
            rows.Reverse();
        }

        var edges = rows.Select(r => new EdgeResult(CursorCodec.Encode(page.Signature, r.CursorValues ?? []), r)).ToList();
        var pageInfo = new PageInfoResult(
            HasNextPage: page.Backward ? page.Before is not null : hasMore,
            HasPreviousPage: page.Backward ? hasMore : page.After is not null,
            StartCursor: edges.Count > 0 ? edges[0].Cursor : null,
            EndCursor: edges.Count > 0 ? edges[^1].Cursor : null);
        return new ConnectionResult(edges, pageInfo, totalCount);
    }
}
