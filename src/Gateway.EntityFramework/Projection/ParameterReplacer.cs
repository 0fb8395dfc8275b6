using System.Linq.Expressions;

namespace Gateway.EntityFramework.Projection;

/// <summary>Inlines a field's lambda body over another instance expression (a parameter, a navigation path).</summary>
internal sealed class ParameterReplacer(ParameterExpression parameter, Expression replacement) : ExpressionVisitor
{
    public static Expression Inline(LambdaExpression lambda, Expression instance) =>
        new ParameterReplacer(lambda.Parameters[0], instance).Visit(lambda.Body);

    protected override Expression VisitParameter(ParameterExpression node) => node == parameter ? replacement : node;
}
