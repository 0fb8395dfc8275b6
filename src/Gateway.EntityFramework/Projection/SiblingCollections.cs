namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Counts the lists and pages projected into one root row. A single SQL statement that joins two sibling
/// collections returns their cross product (EF Core's "cartesian explosion"), and SQLite then evaluates the
/// root's correlated aggregates once per joined row: stock (4) x reviews (6) x related (5) made the product page
/// 120 rows of the same product. So only the first collection of a root row is joined; each further one is read
/// by its own follow-up query (<see cref="DeferredCollection"/>), a fixed number of statements per selection
/// whatever the page sizes. Rows that carry correlated aggregates join none (see <see cref="CorrelatedAggregates"/>).
/// </summary>
internal sealed class SiblingCollections(bool deferAll = false)
{
    private int _joined;

    /// <summary>Whether the next collection of the row is joined into the row's statement (only the first is, if any).</summary>
    public bool JoinNext() => !deferAll && _joined++ == 0;
}
