using System.Linq.Expressions;
using System.Reflection;
using Gateway.EntityFramework.Types;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// A <see cref="Related{TItem}.Of"/> call in an expression: the rows of <see cref="ItemType"/> whose
/// <see cref="ForeignKey"/> is <see cref="Parent"/>'s primary key. The engine's paths treat it as they treat a
/// collection navigation (narrowed to the parents read, to the rows a rule lets the user see, read on its own for a
/// single parent), and <see cref="Expand"/> turns it into <c>db.Set&lt;TItem&gt;().Where(fk == key)</c> at the end,
/// the correlated subquery EF Core itself expands a collection navigation into.
/// </summary>
internal sealed record RelatedRows(MethodCallExpression Call, Expression Parent, LambdaExpression ForeignKeyLambda, PropertyInfo? ForeignKey)
{
    public Type ItemType => ForeignKeyLambda.Parameters[0].Type;

    /// <summary>Whether <paramref name="node"/> is a <see cref="Related{TItem}.Of"/> call, and its parts.</summary>
    public static bool TryMatch(Expression? node, out RelatedRows related)
    {
        related = null!;
        if (node is not MethodCallExpression { Method: { Name: nameof(Related<object>.Of), DeclaringType: { IsGenericType: true } declaring } } call
            || declaring.GetGenericTypeDefinition() != typeof(Related<>))
        {
            return false;
        }

        var lambda = (LambdaExpression)(call.Arguments[1] is UnaryExpression { NodeType: ExpressionType.Quote } quote ? quote.Operand : call.Arguments[1]);
        var property = lambda.Body is MemberExpression { Member: PropertyInfo info } member && member.Expression == lambda.Parameters[0] ? info : null;
        related = new RelatedRows(call, call.Arguments[0], lambda, property);
        return true;
    }

    /// <summary>
    /// The rows' condition over <paramref name="item"/>: <paramref name="key"/> equals its foreign key, in the order
    /// EF Core writes a navigation's join condition, so both forms print the same SQL.
    /// </summary>
    public Expression Matches(Expression item, Expression key)
    {
        var foreignKey = ParameterReplacer.Inline(ForeignKeyLambda, item);
        return Expression.Equal(key.Type == foreignKey.Type ? key : Expression.Convert(key, foreignKey.Type), foreignKey);
    }

    /// <summary><c>Set&lt;TItem&gt;().Where(item =&gt; condition(item))</c>.</summary>
    public static Expression Where(DbContext db, Type itemType, Func<ParameterExpression, Expression> condition)
    {
        var item = Expression.Parameter(itemType, "related");
        return Linq.Where(EntitySets.Of(db, itemType).Expression, Expression.Lambda(condition(item), item), queryable: true);
    }

    /// <summary>Every <see cref="Related{TItem}.Of"/> call in <paramref name="expression"/> replaced by the query it stands for.</summary>
    public static Expression Expand(DbContext db, Expression expression) => new Expander(db).Visit(expression)!;

    private sealed class Expander(DbContext db) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (!TryMatch(node, out var related))
            {
                return base.VisitMethodCall(node);
            }

            var parent = Visit(related.Parent)!;
            return Where(db, related.ItemType, item => related.Matches(item, PrimaryKey.Single(db, parent)));
        }
    }
}
