namespace Gateway.Rest;

/// <summary>
/// One page of a sub-collection: the items, how many there are in all, and the window asked for,
/// so that a client can tell whether there is a next page (<c>offset + items.Count &lt; totalCount</c>).
/// </summary>
public sealed record PageDto<T>(IReadOnlyList<T> Items, int TotalCount, int Limit, int Offset);
