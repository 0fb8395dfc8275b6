using System.Linq.Expressions;

namespace Gateway.EntityFramework.Sorting;

/// <summary>One ORDER BY key: its expression over the row's instance, its direction and its path (for cursor signatures).</summary>
internal sealed record SortKey(Expression Key, SortDirection Direction, string Path)
{
    public bool Descending => Direction == SortDirection.Descending;
}
