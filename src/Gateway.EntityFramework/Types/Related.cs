using System.Linq.Expressions;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// The rows of <typeparamref name="TItem"/> whose foreign key is a parent's primary key, for field expressions:
/// <c>Field("inStock", p =&gt; Related&lt;StockLevel&gt;.Of(p, s =&gt; s.ProductId).Any(s =&gt; s.Quantity &gt; 0))</c>.
/// It lets a module add a collection to another module's entity without that entity carrying a navigation property
/// to the module's type: the engine reads it exactly as it reads a collection navigation (every path, same SQL).
/// </summary>
/// <typeparam name="TItem">The dependent entity, which holds the foreign key.</typeparam>
public static class Related<TItem>
    where TItem : class
{
    /// <summary>
    /// A marker the engine replaces, before the query reaches EF Core, with
    /// <c>db.Set&lt;TItem&gt;().Where(item =&gt; foreignKey(item) == parent's primary key)</c>; it cannot run on its own.
    /// </summary>
    public static IQueryable<TItem> Of<TParent, TKey>(TParent parent, Expression<Func<TItem, TKey>> foreignKey) =>
        throw new NotSupportedException($"Related<{typeof(TItem).Name}>.Of only works inside an entity field's expression.");

    /// <summary>
    /// <c>parent =&gt; Related&lt;TItem&gt;.Of(parent, foreignKey)</c>, for the declarations that name only the foreign key
    /// (<c>Connection&lt;Review&gt;("reviews", r =&gt; r.ProductId)</c>); the key is declared as an object, so the C#
    /// compiler boxes a value type: the conversion is dropped for the key's own type.
    /// </summary>
    internal static Expression<Func<TParent, IEnumerable<TItem>>> Of<TParent>(Expression<Func<TItem, object?>> foreignKey)
    {
        var key = foreignKey.Body is UnaryExpression { NodeType: ExpressionType.Convert } boxed ? boxed.Operand : foreignKey.Body;
        var typedKey = Expression.Lambda(key, foreignKey.Parameters);
        var parent = Expression.Parameter(typeof(TParent), "parent");
        var of = typeof(Related<TItem>).GetMethod(nameof(Of), 2, [Type.MakeGenericMethodParameter(0), typeof(Expression<>).MakeGenericType(
            typeof(Func<,>).MakeGenericType(typeof(TItem), Type.MakeGenericMethodParameter(1)))])!.MakeGenericMethod(typeof(TParent), key.Type);
        return Expression.Lambda<Func<TParent, IEnumerable<TItem>>>(Expression.Call(of, parent, Expression.Quote(typedKey)), parent);
    }
}
