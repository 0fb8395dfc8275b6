using System.Collections.Concurrent;
using System.Linq.Expressions;
using Gateway.EntityFramework.Types;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Fields computed by an aggregate over related rows (a count, a sum, an any), which SQL reads as a correlated
/// subquery. SQLite evaluates such a subquery once per output row, not once per parent, so joining a collection to
/// several parent rows that carry one repeats it for every joined child: the home page's five root categories with
/// their children were 29 rows, each counting its category's whole product subtree again (10 ms of 11 at scale 20).
/// When root rows (a list or a page of them) select such a field, their collections are read by follow-up statements
/// instead: one statement more, and each aggregate computed once per parent. A single root row (a product page) keeps
/// its first collection joined: there the repetition is a handful of rows, cheaper than another statement.
/// </summary>
internal static class CorrelatedAggregates
{
    private static readonly ConcurrentDictionary<EntityFieldDefinition, bool> _known = new();
    private static readonly HashSet<string> _aggregates =
        [nameof(Enumerable.Count), nameof(Enumerable.LongCount), nameof(Enumerable.Sum), nameof(Enumerable.Average),
         nameof(Enumerable.Min), nameof(Enumerable.Max), nameof(Enumerable.Any), nameof(Enumerable.All)];

    /// <summary>Whether any field selected on <paramref name="type"/> (its own, not nested ones) is such an aggregate.</summary>
    public static bool AnySelected(IEntityObjectType type, IReadOnlyList<CollectedField> fields) =>
        fields.Any(f => type.Definitions.FirstOrDefault(d => d.Name == f.Definition.Name) is
            { Kind: EntityFieldKind.Scalar, Expression: { } expression } definition
            && _known.GetOrAdd(definition, _ => Finder.Finds(expression)));

    private sealed class Finder : ExpressionVisitor
    {
        private bool _found;

        public static bool Finds(Expression expression)
        {
            var finder = new Finder();
            finder.Visit(expression);
            return finder._found;
        }

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if ((node.Method.DeclaringType == typeof(Enumerable) || node.Method.DeclaringType == typeof(Queryable))
                && _aggregates.Contains(node.Method.Name))
            {
                _found = true;
                return node;
            }

            return base.VisitMethodCall(node);
        }
    }
}
