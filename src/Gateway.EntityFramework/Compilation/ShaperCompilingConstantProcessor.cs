using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gateway.EntityFramework.Compilation;

#pragma warning disable EF9100 // EF Core's relational processor, marked experimental: everything it does is kept, one step is added.

/// <summary>
/// EF Core's own liftable-constant step for relational providers, which runs on a query's execution plan just before
/// EF Core compiles it, followed by <see cref="ClosedLambdaHoisting"/>: the plan's shapers become delegates made once
/// per compiled query instead of once per execution, and a projected collection's inner shaper once instead of once
/// per row.
/// </summary>
internal sealed class ShaperCompilingConstantProcessor(
    ShapedQueryCompilingExpressionVisitorDependencies dependencies,
    RelationalShapedQueryCompilingExpressionVisitorDependencies relationalDependencies,
    RelationalCommandBuilderDependencies commandBuilderDependencies)
    : RelationalLiftableConstantProcessor(dependencies, relationalDependencies, commandBuilderDependencies)
{
    public override Expression InlineConstants(Expression expression, bool supportsPrecompiledQuery) =>
        ClosedLambdaHoisting.Apply(base.InlineConstants(expression, supportsPrecompiledQuery));
}
