using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// Projects a to-one reference without navigating it: each projected column becomes a correlated scalar
/// subquery keyed by the foreign key. Used inside nested pages on providers without APPLY/LATERAL (SQLite),
/// where EF Core cannot translate a navigation after a nested <c>Take</c>.
/// </summary>
internal static class CorrelatedReference
{
    private static readonly MethodInfo _property = typeof(EF).GetMethod(nameof(EF.Property))!;

    /// <summary>
    /// The correlated form of <paramref name="reference"/>; <paramref name="isNull"/> is also true when the referenced
    /// row fails <paramref name="rule"/> (the referenced type's row rule, if any), so a hidden row reads as none.
    /// </summary>
    public static bool TryBuild(DbContext db, Expression reference, LambdaExpression? rule, out ParameterExpression parameter,
        out Func<Expression, Expression> wrap, out Expression? isNull)
    {
        parameter = null!;
        wrap = null!;
        isNull = null;
        if (reference is not MemberExpression { Expression: { } owner } member)
        {
            return false;
        }

        var navigation = db.Model.FindEntityType(owner.Type)?.FindNavigation(member.Member.Name);
        if (navigation is null || navigation.ForeignKey.Properties.Count != 1)
        {
            return false;
        }

        var foreignKey = navigation.ForeignKey.Properties[0];
        var principalKey = navigation.ForeignKey.PrincipalKey.Properties[0];
        var target = Expression.Parameter(reference.Type, "r");
        Expression match;
        if (navigation.IsOnDependent)
        {
            var ownerKey = Property(owner, foreignKey.Name, foreignKey.ClrType);
            match = Expression.Equal(Convert(Property(target, principalKey.Name, principalKey.ClrType), foreignKey.ClrType), ownerKey);
            if (!foreignKey.ClrType.IsValueType || Nullable.GetUnderlyingType(foreignKey.ClrType) is not null)
            {
                isNull = Expression.Equal(ownerKey, Expression.Constant(null, foreignKey.ClrType));
            }
        }
        else
        {
            match = Expression.Equal(Property(target, foreignKey.Name, foreignKey.ClrType),
                Convert(Property(owner, principalKey.Name, principalKey.ClrType), foreignKey.ClrType));
        }

        // The set's own query root, not a db.Set<T>() call on the context: EF Core would evaluate that call in every
        // execution and rebuild each subquery around its result.
        var source = Linq.Where(EntitySets.Of(db, reference.Type).Expression, Expression.Lambda(match, target), queryable: true);
        if (isNull is null && !navigation.IsOnDependent)
        {
            isNull = Expression.Not(Expression.Call(typeof(Queryable), nameof(Queryable.Any), [reference.Type], source));
        }

        if (rule is not null)
        {
            var hidden = Expression.Not(Expression.Call(typeof(Queryable), nameof(Queryable.Any), [reference.Type], source, Expression.Quote(rule)));
            isNull = isNull is null ? hidden : Expression.OrElse(isNull, hidden);
        }

        var capturedTarget = target;
        // The referenced row's key is the foreign key the owner already holds: no subquery for it (a page of reviews
        // selecting author { id name } then looks up one column per row, not two).
        var knownKey = navigation.IsOnDependent ? Property(owner, foreignKey.Name, foreignKey.ClrType) : null;
        wrap = leaf => knownKey is not null && IsMember(leaf, capturedTarget, principalKey.Name)
            ? Convert(knownKey, leaf.Type)
            : Linq.FirstOrDefault(Linq.Select(source, Expression.Lambda(leaf, capturedTarget), queryable: true), queryable: true);
        parameter = target;
        return true;
    }

    private static bool IsMember(Expression leaf, ParameterExpression instance, string name) =>
        leaf is MemberExpression { Expression: var owner, Member.Name: var member } && owner == instance && member == name;

    private static Expression Property(Expression instance, string name, Type type) =>
        Expression.Call(_property.MakeGenericMethod(type), instance, Expression.Constant(name));

    private static Expression Convert(Expression value, Type type) => value.Type == type ? value : Expression.Convert(value, type);
}
