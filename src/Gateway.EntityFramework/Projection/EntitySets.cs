using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Gateway.EntityFramework.Projection;

/// <summary>
/// What the engine reads of the EF Core model by CLR type, known only at run time: an entity's <c>DbSet</c> (as
/// <c>db.Set&lt;T&gt;()</c> would give it, by a delegate compiled once per type instead of reflection on every
/// request) and the foreign key behind a collection navigation.
/// </summary>
internal static class EntitySets
{
    private static readonly ConcurrentDictionary<Type, Func<DbContext, IQueryable>> _sets = new();

    /// <summary><c>db.Set&lt;T&gt;()</c> for the entity type <paramref name="clrType"/>.</summary>
    public static IQueryable Of(DbContext db, Type clrType) => _sets.GetOrAdd(clrType, static type =>
    {
        var context = Expression.Parameter(typeof(DbContext), "db");
        var set = Expression.Call(context, nameof(DbContext.Set), [type]);
        return Expression.Lambda<Func<DbContext, IQueryable>>(set, context).Compile();
    })(db);

    /// <summary>
    /// The foreign key (and the rows' type) of the collection <paramref name="collection"/> reads from
    /// <paramref name="owner"/>: a collection navigation of it, or <c>Related&lt;T&gt;.Of(owner, fk)</c>; null unless
    /// it is one non-nullable column referencing the owner's primary key.
    /// </summary>
    public static (PropertyInfo Key, Type Rows)? CollectionForeignKey(DbContext db, Expression collection, Expression owner)
    {
        if (collection is MemberExpression { Expression: { } navigationOwner, Member.Name: var name } && navigationOwner == owner)
        {
            return CollectionForeignKey(db, owner.Type, name) is { PropertyInfo: { } key } property ? (key, property.DeclaringType.ClrType) : null;
        }

        return RelatedRows.TryMatch(collection, out var related) && related.Parent == owner
            && related.ForeignKey is { } foreignKey && Nullable.GetUnderlyingType(foreignKey.PropertyType) is null
            ? (foreignKey, related.ItemType)
            : null;
    }

    /// <summary>The foreign key behind a collection navigation, when it is one non-nullable column referencing the primary key.</summary>
    public static IProperty? CollectionForeignKey(DbContext db, Type owner, string navigationName)
    {
        var navigation = db.Model.FindEntityType(owner)?.FindNavigation(navigationName);
        if (navigation is not { IsCollection: true } || navigation.ForeignKey.Properties.Count != 1
            || !navigation.ForeignKey.PrincipalKey.IsPrimaryKey())
        {
            return null;
        }

        var property = navigation.ForeignKey.Properties[0];
        return property.PropertyInfo is not null && Nullable.GetUnderlyingType(property.ClrType) is null ? property : null;
    }
}
