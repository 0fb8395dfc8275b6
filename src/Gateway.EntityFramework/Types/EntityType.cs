using System.Linq.Expressions;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// The GraphQL object type of an EF Core entity. Each field is an expression over the entity; the
/// engine compiles the fields a query selects into one projected SQL statement.
/// </summary>
/// <example>
/// <code>
/// public sealed class ProductType : EntityType&lt;Product&gt;
/// {
///     public ProductType()
///     {
///         Name = "Product";
///         Id(p =&gt; p.Id);
///         Field(p =&gt; p.Sku);
///         Field(p =&gt; p.Price);
///         Reference(p =&gt; p.Category);
///         Connection("reviews", p =&gt; p.Reviews);
///     }
/// }
/// </code>
/// </example>
/// <typeparam name="T">The entity.</typeparam>
public abstract class EntityType<T> : EntityObjectType<T>
    where T : class
{
    private protected override bool IsEntity => true;

    /// <summary>
    /// Declares <c>id: ID!</c>, an opaque Relay global id of <paramref name="key"/> (the primary key), and makes
    /// the type implement <c>Node</c> so that <c>node(id:)</c>/<c>nodes(ids:)</c> resolve it.
    /// </summary>
    protected EntityFieldBuilder Id<TKey>(Expression<Func<T, TKey>> key) =>
        Declarations.Add("id", EntityFieldKind.Id, key, typeof(TKey));

    /// <summary>
    /// Requires <paramref name="policy"/> for every row of this type, wherever it appears (a reference, a root
    /// field, <c>node</c>/<c>nodes</c>): a denied row resolves to null with the authorizer's error. Lists and
    /// connections of the type should be guarded at their field or pre-filtered by their root query.
    /// </summary>
    protected void AuthorizeRows(string policy) => RowPolicy = policy;

    /// <summary>
    /// Declares what <see cref="IEntityFieldAuthorizer"/> receives as <see cref="EntityRow.Resource"/> for this
    /// type's policies (e.g. the owner: <c>AuthorizationResource(o =&gt; o.CustomerId)</c>); the id by default.
    /// </summary>
    protected void AuthorizationResource<TResource>(Expression<Func<T, TResource>> resource) => AuthorizationResourceExpression = resource;
}
