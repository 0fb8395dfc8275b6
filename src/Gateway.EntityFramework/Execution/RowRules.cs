using System.Linq.Expressions;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// The row rules of one root field's query, bound to the request's user: each type's predicate is built once per
/// scope and then ANDed into every place the query reads rows of that type (a root source, a nested list or page,
/// a reference, a filter or sort through a relation). A type without a rule, or whose rule lets this user see
/// every row (null), adds nothing to the SQL.
/// </summary>
internal sealed class RowRules(System.Security.Claims.ClaimsPrincipal? user)
{
    private readonly Dictionary<IEntityObjectType, LambdaExpression?> _bound = [];

    /// <summary>The rule of <paramref name="type"/> for this user, over a parameter of its own, or null when every row is visible.</summary>
    public LambdaExpression? For(IEntityObjectType type)
    {
        if (type.RowRule is not { } rule)
        {
            return null;
        }

        if (!_bound.TryGetValue(type, out var bound))
        {
            bound = rule(user);
            _bound[type] = bound;
        }

        // A parameter per use: the same lambda may land in the root query, its copy inside the projection
        // (ParentRestriction) and nested collections, and EF Core rebinds a parameter declared twice.
        if (bound is null)
        {
            return null;
        }

        var row = Expression.Parameter(bound.Parameters[0].Type, "visible");
        return Expression.Lambda(ParameterReplacer.Inline(bound, row), row);
    }

    /// <summary><paramref name="source"/> (a query or a collection of <paramref name="type"/>) narrowed to the rows this user may see.</summary>
    public Expression Restrict(Expression source, IEntityObjectType type, bool queryable) =>
        For(type) is { } rule ? Linq.Where(source, rule, queryable) : source;

    /// <summary>Whether the row <paramref name="instance"/> is visible, or null when every row of the type is.</summary>
    public Expression? Visible(IEntityObjectType type, Expression instance) =>
        For(type) is { } rule ? ParameterReplacer.Inline(rule, instance) : null;
}
