using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Narrows the rows a nested list or page reads to those of the parents being read. A nested page compiles to
/// <c>ROW_NUMBER() OVER (PARTITION BY fk ...)</c> over a derived table, and SQLite does not push the outer
/// query's filter into it: without this, the product page numbers every review of the store to keep five. The
/// added <c>fk IN (SELECT key FROM parents)</c> is always true for the correlated rows, so results do not change;
/// only the work does (an index seek per parent instead of a scan and sort of the whole table).
/// </summary>
internal sealed class ParentRestriction(DbContext db, Expression parents, ParameterExpression root)
{
    // The parents' query declares the root parameter in its own lambdas; EF rebinds that parameter all over the
    // projection it ends up in, so the copy inside the projection gets a parameter of its own.
    private readonly Expression _parents = new ParameterReplacer(root, Expression.Parameter(root.Type, "parent")).Visit(parents);

    /// <summary>
    /// Rewrites the first collection navigation reached from the root row in <paramref name="collection"/>
    /// (e.g. <c>x.Reviews</c>, <c>x.Category.Products</c> or <c>Related&lt;Review&gt;.Of(x, r =&gt; r.ProductId)</c>) into <c>nav.Where(e =&gt; parentKeys.Contains(e.Fk))</c>,
    /// before any ordering or limit. Leaves the expression as it is when it cannot (composite keys, no navigation).
    /// </summary>
    public Expression Apply(Expression collection) => new NavigationRewriter(this).Visit(collection);

    private Expression? Restrict(MemberExpression navigation)
    {
        var owner = db.Model.FindEntityType(navigation.Expression!.Type);
        var metadata = owner?.FindNavigation(navigation.Member.Name);
        if (metadata is not { IsCollection: true } || metadata.ForeignKey.Properties.Count != 1
            || metadata.ForeignKey.PrincipalKey.Properties.Count != 1 || !DependsOnlyOnRoot(navigation.Expression))
        {
            return null;
        }

        var principalKey = metadata.ForeignKey.PrincipalKey.Properties[0];
        var foreignKey = metadata.ForeignKey.Properties[0];
        if (principalKey.PropertyInfo is not { } keyProperty || foreignKey.PropertyInfo is not { } fkProperty
            || Nullable.GetUnderlyingType(fkProperty.PropertyType) is not null)
        {
            return null;
        }

        return InParents(navigation, Expression.Property(navigation.Expression, keyProperty), fkProperty);
    }

    /// <summary>The same for <c>Related&lt;T&gt;.Of(owner, fk)</c>: the rows' foreign key among the owners' primary keys.</summary>
    private Expression? Restrict(RelatedRows related)
    {
        if (related.ForeignKey is not { } fkProperty || Nullable.GetUnderlyingType(fkProperty.PropertyType) is not null
            || !DependsOnlyOnRoot(related.Parent) || PrimaryKey.Of(db, related.Parent) is not [var key])
        {
            return null;
        }

        return InParents(related.Call, key, fkProperty);
    }

    /// <summary><c>collection.Where(n =&gt; parents.Select(x =&gt; key(owner(x))).Contains(n.Fk))</c>.</summary>
    private Expression InParents(Expression collection, Expression ownerKey, System.Reflection.PropertyInfo fkProperty)
    {
        // parents.Select(x => <owner of the collection>.Key)
        var parent = Expression.Parameter(root.Type, "p");
        var keyOfParent = new ParameterReplacer(root, parent).Visit(ownerKey);
        var parentKeys = Linq.Select(_parents, Expression.Lambda(keyOfParent, parent), queryable: true);

        var element = Expression.Parameter(Linq.ElementType(collection), "n");
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [ownerKey.Type],
            parentKeys, Expression.Property(element, fkProperty));
        return Linq.Where(collection, Expression.Lambda(contains, element), queryable: false);
    }

    private bool DependsOnlyOnRoot(Expression expression) =>
        expression switch
        {
            ParameterExpression parameter => parameter == root,
            MemberExpression { Expression: { } inner } => DependsOnlyOnRoot(inner),
            _ => false,
        };

    private sealed class NavigationRewriter(ParentRestriction restriction) : ExpressionVisitor
    {
        private bool _done;

        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!_done && RelatedRows.TryMatch(node, out var related) && restriction.Restrict(related) is { } restricted)
            {
                _done = true;
                return restricted;
            }

            return base.VisitMethodCall(node);
        }

        protected override Expression VisitMember(MemberExpression node)
        {
            if (!_done && node.Expression is not null && restriction.Restrict(node) is { } restricted)
            {
                _done = true;
                return restricted;
            }

            return base.VisitMember(node);
        }

        // Lambdas (orderings, filters, projections) belong to the collection's elements, not to its source.
        protected override Expression VisitLambda<T>(Expression<T> node) => node;
    }
}
