using System.Linq.Expressions;

namespace Gateway.EntityFramework.Sorting;

/// <summary>
/// One ORDER BY key: its expression over the row's instance, its direction, its path (for cursor signatures) and
/// whether its value can be NULL in SQL (then <see cref="SortKeyBuilder.Apply"/> states where nulls sort).
/// </summary>
internal sealed record SortKey(Expression Key, SortDirection Direction, string Path, bool CanBeNull = false)
{
    public bool Descending => Direction == SortDirection.Descending;
}
