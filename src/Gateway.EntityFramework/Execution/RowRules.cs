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
internal sealed class RowRules(System.Security.Claims.ClaimsPrincipal? user, EntityModel model)
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

    /// <summary>
    /// <paramref name="source"/> (a query or a collection of <paramref name="type"/>) narrowed to the rows this user
    /// may see. Inside a collection expression the rule goes on the navigation it starts from, before any order or
    /// limit the expression has of its own (<c>b.Author.Books.OrderBy(…).Take(n)</c>): after a limit it would both
    /// change the page and need APPLY, which SQLite lacks. Without such a navigation
    /// (<c>a.Books.SelectMany(b =&gt; b.Reviews).Take(n)</c>) it goes below the expression's own orders and limits.
    /// </summary>
    public Expression Restrict(Expression source, IEntityObjectType type, bool queryable)
    {
        if (For(type) is not { } rule)
        {
            return source;
        }

        var navigation = new NavigationRule(type.ClrType, rule);
        var restricted = navigation.Visit(source)!;
        return navigation.Applied ? restricted : BeforeLimits(source, rule, queryable);
    }

    /// <summary><c>Where(rule)</c> under the trailing OrderBy/ThenBy/Skip/Take calls of <paramref name="source"/>.</summary>
    private static Expression BeforeLimits(Expression source, LambdaExpression rule, bool queryable)
    {
        if (source is MethodCallExpression { Method: { Name: nameof(Enumerable.Take) or nameof(Enumerable.Skip) or nameof(Enumerable.OrderBy)
                or nameof(Enumerable.OrderByDescending) or nameof(Enumerable.ThenBy) or nameof(Enumerable.ThenByDescending) } method } call
            && (method.DeclaringType == typeof(Enumerable) || method.DeclaringType == typeof(Queryable)))
        {
            var inner = BeforeLimits(call.Arguments[0], rule, method.DeclaringType == typeof(Queryable));
            return call.Update(call.Object, [inner, .. call.Arguments.Skip(1)]);
        }

        return Linq.Where(source, rule, queryable);
    }

    /// <summary>Whether the row <paramref name="instance"/> is visible, or null when every row of the type is.</summary>
    public Expression? Visible(IEntityObjectType type, Expression instance) =>
        For(type) is { } rule ? ParameterReplacer.Inline(rule, instance) : null;

    /// <summary>
    /// A computed value (<c>o.Lines.Sum(l =&gt; l.Quantity)</c>, <c>c.Orders.Count()</c>) over only the rows the user may
    /// see: every collection navigation (or <c>Related&lt;T&gt;.Of</c> rows) in it whose elements have a rule is narrowed by that rule, so that a count or
    /// a sum says nothing about hidden rows.
    /// </summary>
    public Expression Narrow(Expression value) => new AggregateRules(this, model).Visit(value)!;

    /// <summary>Wraps the first collection navigation (or <c>Related&lt;T&gt;.Of</c> rows) of the ruled type (outside lambdas) in <c>Where(rule)</c>.</summary>
    private sealed class NavigationRule(Type element, LambdaExpression rule) : ExpressionVisitor
    {
        private readonly Type _collection = typeof(IEnumerable<>).MakeGenericType(element);

        public bool Applied { get; private set; }

        public override Expression? Visit(Expression? node)
        {
            if (!Applied && node is not null && (node is MemberExpression || RelatedRows.TryMatch(node, out _)) && _collection.IsAssignableFrom(node.Type))
            {
                Applied = true;
                return Linq.Where(node, rule, queryable: false);
            }

            return base.Visit(node);
        }

        // Lambdas (orderings, filters) belong to the collection's elements, not to its source.
        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }

    /// <summary>Wraps every collection navigation (or <c>Related&lt;T&gt;.Of</c> rows) of a ruled type, at any depth, in <c>Where(rule)</c>.</summary>
    private sealed class AggregateRules(RowRules rules, EntityModel model) : ExpressionVisitor
    {
        protected override Expression VisitMember(MemberExpression node) => Ruled(node, base.VisitMember(node));

        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            RelatedRows.TryMatch(node, out _) ? Ruled(node, base.VisitMethodCall(node)) : base.VisitMethodCall(node);

        private Expression Ruled(Expression node, Expression visited) =>
            ElementType(node.Type) is { } element && model.FindEntityType(element) is { } type && rules.For(type) is { } rule
                ? Linq.Where(visited, rule, queryable: false)
                : visited;

        private static Type? ElementType(Type type) =>
            type == typeof(string) ? null
            : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IEnumerable<>) ? type.GetGenericArguments()[0]
            : type.GetInterfaces().FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }
}
