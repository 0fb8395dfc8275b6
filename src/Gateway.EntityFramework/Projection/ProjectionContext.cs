using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Where in the query a row is being projected: inside a limited nested page (where SQLite cannot navigate
/// references), inside a correlated reference (whose leaf values each become a scalar subquery), and, for the
/// root's own rows, which parents its nested lists may narrow their reads to.
/// </summary>
internal sealed record ProjectionContext(
    bool InsideLimitedPage, Func<Expression, Expression>? WrapLeaf, ParentRestriction? Parents = null, SiblingCollections? Siblings = null)
{
    /// <summary>
    /// The rows of a collection joined to its parent on SQLite: their references are read as correlated scalar
    /// subqueries, not joins. EF Core puts a joined collection in a derived table, and SQLite cannot flatten a derived
    /// table that is itself a join on the right of a LEFT JOIN: it materialized it and built an automatic index on
    /// every execution (ProductPage's stock with its warehouses: 171 µs, against 22 µs flattened).
    /// </summary>
    public bool CorrelateReferences { get; init; }

    /// <summary>
    /// The root rows of <paramref name="query"/> (read through <paramref name="parameter"/>): their nested lists read
    /// only their own rows; with <paramref name="deferCollections"/>, none is joined (see <see cref="SiblingCollections"/>).
    /// </summary>
    public static ProjectionContext ForRoot(DbContext db, Expression query, ParameterExpression parameter, bool deferCollections = false) =>
        new(false, null, new ParentRestriction(db, query, parameter), new SiblingCollections(deferCollections));

    public Expression Leaf(Expression value) => WrapLeaf is null ? value : WrapLeaf(value);
}
