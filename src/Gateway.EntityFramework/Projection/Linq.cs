using System.Linq.Expressions;
using System.Reflection;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Builds LINQ operator calls on expression trees: <see cref="Queryable"/> on a root query,
/// <see cref="Enumerable"/> on a navigation inside a projection (EF Core translates both).
/// </summary>
internal static class Linq
{
    public static Type ElementType(Expression source) => OperatorCalls.ElementType(source.Type);

    public static Expression Where(Expression source, LambdaExpression predicate, bool queryable) =>
        Call(queryable, nameof(Enumerable.Where), [ElementType(source)], source, predicate);

    public static Expression OrderBy(Expression source, LambdaExpression key, bool descending, bool first, bool queryable)
    {
        var name = (first, descending) switch
        {
            (true, false) => nameof(Enumerable.OrderBy),
            (true, true) => nameof(Enumerable.OrderByDescending),
            (false, false) => nameof(Enumerable.ThenBy),
            _ => nameof(Enumerable.ThenByDescending),
        };
        return Call(queryable, name, [ElementType(source), key.ReturnType], source, key);
    }

    public static Expression Take(Expression source, int count, bool queryable) =>
        Call(queryable, nameof(Enumerable.Take), [ElementType(source)], source, Expression.Constant(count));

    public static Expression Select(Expression source, LambdaExpression selector, bool queryable) =>
        Call(queryable, nameof(Enumerable.Select), [ElementType(source), selector.ReturnType], source, selector);

    public static Expression Count(Expression source, bool queryable) =>
        Call(queryable, nameof(Enumerable.Count), [ElementType(source)], source);

    public static Expression Any(Expression source, LambdaExpression? predicate) =>
        predicate is null
            ? Call(false, nameof(Enumerable.Any), [ElementType(source)], source)
            : Call(false, nameof(Enumerable.Any), [ElementType(source)], source, predicate);

    public static Expression All(Expression source, LambdaExpression predicate) =>
        Call(false, nameof(Enumerable.All), [ElementType(source)], source, predicate);

    public static Expression ToList(Expression source) =>
        OperatorCalls.Call(typeof(Enumerable), nameof(Enumerable.ToList), [ElementType(source)], source);

    public static Expression FirstOrDefault(Expression source, bool queryable) =>
        Call(queryable, nameof(Enumerable.FirstOrDefault), [ElementType(source)], source);

    public static Expression Contains(Expression values, Expression value) =>
        OperatorCalls.Call(typeof(Enumerable), nameof(Enumerable.Contains), [value.Type], values, value);

    /// <summary>Whether a collection expression already limits its rows (a nested page needs ROW_NUMBER and, on some providers, APPLY).</summary>
    public static bool HasLimit(Expression expression) => new LimitFinder().Find(expression);

    // A query (a Related<T>.Of rows' source inside a projection) keeps Queryable operators, as C# would give them.
    private static Expression Call(bool queryable, string name, Type[] typeArguments, params Expression[] arguments) =>
        OperatorCalls.Call(queryable || typeof(IQueryable).IsAssignableFrom(arguments[0].Type) ? typeof(Queryable) : typeof(Enumerable),
            name, typeArguments, arguments);

    private sealed class LimitFinder : ExpressionVisitor
    {
        private bool _found;

        public bool Find(Expression expression)
        {
            Visit(expression);
            return _found;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.Name is nameof(Enumerable.Take) or nameof(Enumerable.Skip)
                && node.Method.DeclaringType is { } declaring && (declaring == typeof(Enumerable) || declaring == typeof(Queryable)))
            {
                _found = true;
            }

            return base.VisitMethodCall(node);
        }
    }
}
