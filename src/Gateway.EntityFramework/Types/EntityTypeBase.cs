using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// The declaration API (<c>Field</c>, <c>Reference</c>, <c>List</c>, <c>Connection</c>, <c>Embedded</c>) shared by
/// <see cref="EntityType{T}"/>, <see cref="EmbeddedType{T}"/> and <see cref="EntityTypeExtension{T}"/>, so a field
/// reads the same wherever it is declared.
/// </summary>
/// <remarks>
/// A graph type, because entity and embedded types must be <see cref="ObjectGraphType{TSourceType}"/>s and C# has one
/// base class; an extension only lends its declarations to the type it extends and never joins the schema itself.
/// </remarks>
/// <typeparam name="T">The entity the field expressions read from.</typeparam>
public abstract class EntityTypeBase<T> : ObjectGraphType<object>
    where T : class
{
    /// <summary>Creates the declarations; only the engine's own types derive from this.</summary>
    private protected EntityTypeBase()
    {
    }

    private protected EntityFieldDeclarations<T> Declarations { get; } = new();

    /// <summary>Declares a scalar field named after the member, e.g. <c>Field(p =&gt; p.Sku)</c>; filterable and sortable by default.</summary>
    protected EntityFieldBuilder Field<TValue>(Expression<Func<T, TValue>> expression) =>
        Declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.Scalar, expression, typeof(TValue));

    /// <summary>Declares a scalar field computed by <paramref name="expression"/> (translated to SQL), e.g. <c>Field("count", p =&gt; p.Reviews.Count())</c>.</summary>
    protected EntityFieldBuilder Field<TValue>(string name, Expression<Func<T, TValue>> expression) =>
        Declarations.Add(name, EntityFieldKind.Scalar, expression, typeof(TValue));

    /// <summary>
    /// Declares a field resolved outside the store (a DataLoader, a service). The engine projects
    /// <paramref name="key"/> and passes its value to <paramref name="resolve"/>; the field's type is <typeparamref name="TGraphType"/>.
    /// </summary>
    protected EntityFieldBuilder Field<TGraphType, TKey>(string name, Expression<Func<T, TKey>> key, Func<IResolveFieldContext, TKey, ValueTask<object?>> resolve)
        where TGraphType : IGraphType =>
        Declarations.Add(name, EntityFieldKind.Resolved, key, typeof(TGraphType), resolver: (context, value) => resolve(context, (TKey)value!));

    /// <summary>Declares a related entity (to-one navigation) named after the member; its type is the entity type registered for <typeparamref name="TRef"/>.</summary>
    protected EntityFieldBuilder Reference<TRef>(Expression<Func<T, TRef?>> expression)
        where TRef : class =>
        Declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.Reference, expression, typeof(TRef));

    /// <summary>Declares a related entity reached by <paramref name="expression"/>.</summary>
    protected EntityFieldBuilder Reference<TRef>(string name, Expression<Func<T, TRef?>> expression)
        where TRef : class =>
        Declarations.Add(name, EntityFieldKind.Reference, expression, typeof(TRef));

    /// <summary>Declares a plain list of related entities with <c>where</c> and <c>order</c> arguments; filterable with some/all/none/any.</summary>
    protected EntityFieldBuilder List<TItem>(Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        Declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.List, expression, typeof(TItem));

    /// <summary>Declares a plain list of related entities reached by <paramref name="expression"/>.</summary>
    protected EntityFieldBuilder List<TItem>(string name, Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        Declarations.Add(name, EntityFieldKind.List, expression, typeof(TItem));

    /// <summary>
    /// Declares a plain list of the rows of <typeparamref name="TItem"/> whose <paramref name="foreignKey"/> is this
    /// entity's primary key, e.g. <c>List&lt;StockLevel&gt;("stock", s =&gt; s.ProductId)</c>: read like a collection
    /// navigation, with no navigation property on <typeparamref name="T"/> (see <see cref="Related{TItem}"/>).
    /// </summary>
    protected EntityFieldBuilder List<TItem>(string name, Expression<Func<TItem, object?>> foreignKey)
        where TItem : class =>
        List(name, Related<TItem>.Of<T>(foreignKey));

    /// <summary>
    /// Declares a list whose expression depends on the field's arguments (declare them with
    /// <see cref="EntityFieldBuilder.Argument"/>), e.g. <c>related(first: Int = 4)</c>. Not filterable from the parent.
    /// </summary>
    protected EntityFieldBuilder List<TItem>(string name, Func<FieldArguments, Expression<Func<T, IEnumerable<TItem>>>> expression)
        where TItem : class
    {
        var builder = Declarations.Add(name, EntityFieldKind.List, null, typeof(TItem), factory: expression);
        return builder.NotFilterable();
    }

    /// <summary>Declares a nested cursor connection (first/after/last/before, where, order, totalCount) of related entities.</summary>
    protected EntityFieldBuilder Connection<TItem>(string name, Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        Declarations.Add(name, EntityFieldKind.Connection, expression, typeof(TItem));

    /// <summary>
    /// Declares a nested cursor connection of the rows of <typeparamref name="TItem"/> whose <paramref name="foreignKey"/>
    /// is this entity's primary key, e.g. <c>Connection&lt;Review&gt;("reviews", r =&gt; r.ProductId)</c> (see <see cref="Related{TItem}"/>).
    /// </summary>
    protected EntityFieldBuilder Connection<TItem>(string name, Expression<Func<TItem, object?>> foreignKey)
        where TItem : class =>
        Connection(name, Related<TItem>.Of<T>(foreignKey));

    /// <summary>Declares an object field whose fields (declared by <typeparamref name="TEmbedded"/>) are expressions over the same entity.</summary>
    protected EntityFieldBuilder Embedded<TEmbedded>(string name)
        where TEmbedded : EmbeddedType<T> =>
        Declarations.Add(name, EntityFieldKind.Embedded, null, typeof(TEmbedded));
}
