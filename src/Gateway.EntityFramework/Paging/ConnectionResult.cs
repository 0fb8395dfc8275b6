using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Paging;

/// <summary>A page of a connection, as resolved for its connection type.</summary>
internal sealed record ConnectionResult(IReadOnlyList<EdgeResult> Edges, PageInfoResult PageInfo, int? TotalCount);

/// <summary>One edge: a node and its cursor.</summary>
internal sealed record EdgeResult(string Cursor, EntityRow Node);

/// <summary>The page's position in the whole list.</summary>
internal sealed record PageInfoResult(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
