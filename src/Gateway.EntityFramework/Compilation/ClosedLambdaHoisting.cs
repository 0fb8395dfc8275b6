using System.Linq.Expressions;

namespace Gateway.EntityFramework.Compilation;

/// <summary>
/// Compiles every nested lambda of an expression tree that refers to nothing outside itself once, and puts the
/// delegate in its place as a constant.
/// </summary>
/// <remarks>
/// <para>
/// System.Linq.Expressions compiles a nested lambda into a method of its own, but makes its delegate each time the
/// enclosing code reaches it (<c>DynamicMethod.CreateDelegate</c>, a few microseconds of runtime work). EF Core 9 and
/// 10 write the shapers of a query's execution plan as nested lambdas (the row shaper, the command resolver, and
/// for a projected collection the inner shaper, which runs once per row), where EF Core 8 passed compiled delegates
/// (dotnet/efcore#35210). A closed lambda makes the same delegate every time, so making it once changes nothing but
/// the cost.
/// </para>
/// <para>
/// Left as they are: the outermost lambda (the caller compiles it), a lambda that uses a parameter or variable of
/// the code around it (its delegate is a closure), a quoted lambda (it is data, an <c>Expression&lt;T&gt;</c>), and
/// a lambda that is invoked where it stands (the compiler inlines its body there, which is cheaper than a call).
/// </para>
/// </remarks>
public static class ClosedLambdaHoisting
{
    /// <summary>Returns <paramref name="expression"/> with its closed nested lambdas compiled into constants.</summary>
    public static Expression Apply(Expression expression) => new Hoister().Visit(expression);

    private sealed class Hoister : ExpressionVisitor
    {
        private int _lambdaDepth;

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            var lambda = node.Update(VisitBody(node), node.Parameters);
            return _lambdaDepth > 0 && FreeParameters.None(lambda)
                ? Expression.Constant(lambda.Compile(), typeof(T))
                : lambda;
        }

        protected override Expression VisitUnary(UnaryExpression node) =>
            node.NodeType == ExpressionType.Quote ? node : base.VisitUnary(node);

        protected override Expression VisitInvocation(InvocationExpression node)
        {
            if (node.Expression is not LambdaExpression invoked)
            {
                return base.VisitInvocation(node);
            }

            // Inlined by the compiler: its body is visited, the lambda itself stays.
            var lambda = Expression.Lambda(invoked.Type, VisitBody(invoked), invoked.Name, invoked.TailCall, invoked.Parameters);
            return node.Update(lambda, Visit(node.Arguments));
        }

        /// <summary>A lambda's body, visited one lambda deeper (its own nested lambdas are candidates).</summary>
        private Expression VisitBody(LambdaExpression lambda)
        {
            _lambdaDepth++;
            try
            {
                return Visit(lambda.Body);
            }
            finally
            {
                _lambdaDepth--;
            }
        }
    }

    /// <summary>Whether a lambda uses any parameter or variable it does not declare itself.</summary>
    private sealed class FreeParameters : ExpressionVisitor
    {
        private readonly HashSet<ParameterExpression> _declared = [];
        private bool _found;

        public static bool None(LambdaExpression lambda)
        {
            var finder = new FreeParameters();
            finder.Visit(lambda);
            return !finder._found;
        }

        public override Expression? Visit(Expression? node) => _found ? node : base.Visit(node);

        protected override Expression VisitLambda<T>(Expression<T> node)
        {
            _declared.UnionWith(node.Parameters);
            return base.VisitLambda(node);
        }

        protected override Expression VisitBlock(BlockExpression node)
        {
            _declared.UnionWith(node.Variables);
            return base.VisitBlock(node);
        }

        protected override CatchBlock VisitCatchBlock(CatchBlock node)
        {
            if (node.Variable is not null)
            {
                _declared.Add(node.Variable);
            }

            return base.VisitCatchBlock(node);
        }

        protected override Expression VisitParameter(ParameterExpression node)
        {
            _found |= !_declared.Contains(node);
            return node;
        }
    }
}
