using System.Linq.Expressions;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// Base of <see cref="EntityType{T}"/> and <see cref="EmbeddedType{T}"/>: an object type whose fields are
/// expressions over <typeparamref name="T"/>, compiled by the engine into one projection.
/// </summary>
/// <typeparam name="T">The entity the field expressions read from.</typeparam>
public abstract class EntityObjectType<T> : ObjectGraphType<object>, IEntityObjectType, IEntityMarker
    where T : class
{
    private readonly EntityFieldDeclarations<T> _declarations = new();

    /// <summary>Creates the type, named after <typeparamref name="T"/> until the constructor sets <c>Name</c>.</summary>
    protected EntityObjectType()
    {
        Name = typeof(T).Name;
        IsTypeOf = source => source is EntityRow row && ReferenceEquals(row.GraphType, this);
    }

    Type IEntityObjectType.ClrType => typeof(T);

    List<EntityFieldDefinition> IEntityObjectType.Definitions => _declarations.Fields;

    bool IEntityObjectType.IsEntity => IsEntity;

    EntityFieldDefinition? IEntityObjectType.IdField => _declarations.Fields.FirstOrDefault(f => f.Kind == EntityFieldKind.Id);

    string? IEntityObjectType.RowPolicy => RowPolicy;

    LambdaExpression? IEntityObjectType.AuthorizationResource => AuthorizationResourceExpression ?? IdExpression;

    private protected abstract bool IsEntity { get; }

    private protected string? RowPolicy { get; set; }

    private protected LambdaExpression? AuthorizationResourceExpression { get; set; }

    private LambdaExpression? IdExpression => _declarations.Fields.FirstOrDefault(f => f.Kind == EntityFieldKind.Id)?.Expression;

    private protected EntityFieldDeclarations<T> Declarations => _declarations;

    /// <summary>Declares a scalar field named after the member, e.g. <c>Field(p =&gt; p.Sku)</c>; filterable and sortable by default.</summary>
    protected EntityFieldBuilder Field<TValue>(Expression<Func<T, TValue>> expression) =>
        _declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.Scalar, expression, typeof(TValue));

    /// <summary>Declares a scalar field computed by <paramref name="expression"/> (translated to SQL), e.g. <c>Field("count", p =&gt; p.Reviews.Count())</c>.</summary>
    protected EntityFieldBuilder Field<TValue>(string name, Expression<Func<T, TValue>> expression) =>
        _declarations.Add(name, EntityFieldKind.Scalar, expression, typeof(TValue));

    /// <summary>
    /// Declares a field resolved outside the store (a DataLoader, a service). The engine projects
    /// <paramref name="key"/> and passes its value to <paramref name="resolve"/>; the field's type is <typeparamref name="TGraphType"/>.
    /// </summary>
    protected EntityFieldBuilder Field<TGraphType, TKey>(string name, Expression<Func<T, TKey>> key, Func<IResolveFieldContext, TKey, ValueTask<object?>> resolve)
        where TGraphType : IGraphType =>
        _declarations.Add(name, EntityFieldKind.Resolved, key, typeof(TGraphType), resolver: (context, value) => resolve(context, (TKey)value!));

    /// <summary>Declares a related entity (to-one navigation) named after the member; its type is the entity type registered for <typeparamref name="TRef"/>.</summary>
    protected EntityFieldBuilder Reference<TRef>(Expression<Func<T, TRef?>> expression)
        where TRef : class =>
        _declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.Reference, expression, typeof(TRef));

    /// <summary>Declares a related entity reached by <paramref name="expression"/>.</summary>
    protected EntityFieldBuilder Reference<TRef>(string name, Expression<Func<T, TRef?>> expression)
        where TRef : class =>
        _declarations.Add(name, EntityFieldKind.Reference, expression, typeof(TRef));

    /// <summary>Declares a plain list of related entities with <c>where</c> and <c>order</c> arguments; filterable with some/all/none/any.</summary>
    protected EntityFieldBuilder List<TItem>(Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        _declarations.Add(EntityFieldDeclarations<T>.NameOf(expression), EntityFieldKind.List, expression, typeof(TItem));

    /// <summary>Declares a plain list of related entities reached by <paramref name="expression"/>.</summary>
    protected EntityFieldBuilder List<TItem>(string name, Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        _declarations.Add(name, EntityFieldKind.List, expression, typeof(TItem));

    /// <summary>
    /// Declares a list whose expression depends on the field's arguments (declare them with
    /// <see cref="EntityFieldBuilder.Argument"/>), e.g. <c>related(first: Int = 4)</c>. Not filterable from the parent.
    /// </summary>
    protected EntityFieldBuilder List<TItem>(string name, Func<FieldArguments, Expression<Func<T, IEnumerable<TItem>>>> expression)
        where TItem : class
    {
        var builder = _declarations.Add(name, EntityFieldKind.List, null, typeof(TItem), factory: expression);
        return builder.NotFilterable();
    }

    /// <summary>Declares a nested cursor connection (first/after/last/before, where, order, totalCount) of related entities.</summary>
    protected EntityFieldBuilder Connection<TItem>(string name, Expression<Func<T, IEnumerable<TItem>>> expression)
        where TItem : class =>
        _declarations.Add(name, EntityFieldKind.Connection, expression, typeof(TItem));

    /// <summary>Declares an object field whose fields (declared by <typeparamref name="TEmbedded"/>) are expressions over the same entity.</summary>
    protected EntityFieldBuilder Embedded<TEmbedded>(string name)
        where TEmbedded : EmbeddedType<T> =>
        _declarations.Add(name, EntityFieldKind.Embedded, null, typeof(TEmbedded));
}
