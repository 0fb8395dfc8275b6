using System.Collections;
using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Filtering;

/// <summary>
/// Translates a <c>where</c> input into a predicate expression EF Core turns into SQL: fields, nested
/// references, related lists (some/all/none/any) and and/or, never evaluated in memory.
/// </summary>
internal sealed class FilterExpressionBuilder(QueryScope scope)
{
    /// <summary>The predicate over <paramref name="instance"/>, or null when the filter sets nothing.</summary>
    public Expression? Build(IEntityObjectType type, Expression instance, IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (name, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            var part = name switch
            {
                "and" => Combine(Items(value).Select(f => Build(type, instance, f)), Expression.AndAlso),
                "or" => Combine(Items(value).Select(f => Build(type, instance, f)), Expression.OrElse),
                _ => Field(type, instance, name, value),
            };
            if (part is not null)
            {
                parts.Add(part);
            }
        }

        return Combine(parts, Expression.AndAlso);
    }

    private Expression? Field(IEntityObjectType type, Expression instance, string name, object value)
    {
        var field = type.Definitions.First(d => d.Name == name);
        scope.Require(field.Policy);
        var filter = (IDictionary<string, object?>)value;
        switch (field.Kind)
        {
            case EntityFieldKind.Scalar:
                var scalar = scope.Rules.Narrow(ParameterReplacer.Inline(field.Expression!, instance));
                return new OperationExpressionBuilder(scope.Options, DeclaredScale(scalar)).Build(scalar, filter);
            case EntityFieldKind.Id:
                return new OperationExpressionBuilder(scope.Options).BuildId(ParameterReplacer.Inline(field.Expression!, instance), type.Name, filter);
            case EntityFieldKind.Reference:
                return Reference(scope.Model.EntityType(field.TargetClrType), ParameterReplacer.Inline(field.Expression!, instance), filter);
            case EntityFieldKind.Embedded:
                return Build(scope.Model.EmbeddedType(field.TargetClrType), instance, filter);
            default:
                // Only the rows the caller may see take part in some/all/none/any.
                var element = scope.Model.EntityType(field.TargetClrType);
                return List(element, scope.Rules.Restrict(ParameterReplacer.Inline(field.Expression!, instance), element, queryable: false), filter);
        }
    }

    /// <summary>A filter on a referenced row; a row the caller may not see matches no condition on it, as no row would.</summary>
    private Expression? Reference(IEntityObjectType target, Expression reference, IDictionary<string, object?> filter)
    {
        var predicate = Build(target, reference, filter);
        return predicate is not null && scope.Rules.Visible(target, reference) is { } visible
            ? Expression.AndAlso(visible, predicate)
            : predicate;
    }

    private Expression? List(IEntityObjectType element, Expression collection, IDictionary<string, object?> filter)
    {
        var parts = new List<Expression>();
        foreach (var (operation, value) in filter)
        {
            if (value is null)
            {
                continue;
            }

            if (operation == "any")
            {
                var any = Linq.Any(collection, null);
                parts.Add((bool)value ? any : Expression.Not(any));
                continue;
            }

            var parameter = Expression.Parameter(element.ClrType, "e");
            var predicate = Build(element, parameter, (IDictionary<string, object?>)value) ?? Expression.Constant(true);
            var lambda = Expression.Lambda(predicate, parameter);
            parts.Add(operation switch
            {
                "some" => Linq.Any(collection, lambda),
                "none" => Expression.Not(Linq.Any(collection, lambda)),
                _ => Linq.All(collection, lambda),
            });
        }

        return Combine(parts, Expression.AndAlso);
    }

    /// <summary>The scale the EF model declares for a decimal property the expression reads directly, if any.</summary>
    private DecimalScale? DeclaredScale(Expression scalar) =>
        scalar is MemberExpression { Member: var member, Expression: { } owner }
        && (Nullable.GetUnderlyingType(scalar.Type) ?? scalar.Type) == typeof(decimal)
        && scope.Db.Model.FindEntityType(owner.Type)?.FindProperty(member.Name)?.GetScale() is { } places
            ? new DecimalScale(places)
            : null;

    private static IEnumerable<IDictionary<string, object?>> Items(object value) =>
        ((IEnumerable)value).OfType<IDictionary<string, object?>>();

    private static Expression? Combine(IEnumerable<Expression?> parts, Func<Expression, Expression, BinaryExpression> combine) =>
        parts.Where(p => p is not null).Aggregate((Expression?)null, (all, part) => all is null ? part : combine(all, part!));
}
