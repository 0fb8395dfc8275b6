using System.Linq.Expressions;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Where in the query a row is being projected: inside a limited nested page (where SQLite cannot navigate
/// references), and inside a correlated reference (whose leaf values each become a scalar subquery).
/// </summary>
internal sealed record ProjectionContext(bool InsideLimitedPage, Func<Expression, Expression>? WrapLeaf)
{
    public static readonly ProjectionContext Root = new(false, null);

    public Expression Leaf(Expression value) => WrapLeaf is null ? value : WrapLeaf(value);
}
