using System.Linq.Expressions;
using System.Security.Claims;

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
    /// Declares who may see which rows of this type: given the request's user (null when the request has none),
    /// <paramref name="rule"/> returns the predicate a row must satisfy, or null when the user may see every row.
    /// The engine ANDs it into the SQL of every path that reads rows of the type: root fields, nested lists and
    /// connections (and their <c>totalCount</c>), references, <c>node</c>/<c>nodes</c>, filters and sorts that
    /// traverse a relation into the type, and counts or sums over it in computed fields. A row the user may not see
    /// is simply not there: a list skips it, a reference or <c>node</c> to it is null without an error, as an unknown
    /// id is, so its existence is not leaked (a non-null reference field to it is an <c>AUTH_NOT_AUTHORIZED</c> error).
    /// The rule is built once per root field; it must translate to SQL (capture values, not services).
    /// </summary>
    /// <example><c>RowRule(user =&gt; IsAdmin(user) ? null : CustomerIdOf(user) is int id ? o =&gt; o.CustomerId == id : o =&gt; false);</c></example>
    protected void RowRule(Func<ClaimsPrincipal?, Expression<Func<T, bool>>?> rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        RowRuleFactory = user => rule(user);
    }

    /// <summary>
    /// Declares what <see cref="IEntityFieldAuthorizer"/> receives as <see cref="EntityRow.Resource"/> for this
    /// type's policies (e.g. the owner: <c>AuthorizationResource(o =&gt; o.CustomerId)</c>); the id by default.
    /// </summary>
    protected void AuthorizationResource<TResource>(Expression<Func<T, TResource>> resource) => AuthorizationResourceExpression = resource;
}
