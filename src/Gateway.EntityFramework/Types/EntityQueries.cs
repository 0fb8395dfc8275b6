using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Types;

/// <summary>
/// Root query fields over <typeparamref name="TContext"/>, added to <see cref="EntityQueryType"/>. Each root
/// field gets its own DbContext from <see cref="IDbContextFactory{TContext}"/> (root fields run in parallel).
/// Register with <see cref="EntityFrameworkGraphQLBuilderExtensions.AddEntityQueries{TQueries}"/>.
/// </summary>
/// <example>
/// <code>
/// public sealed class CatalogQueries : EntityQueries&lt;StoreDbContext&gt;
/// {
///     public CatalogQueries()
///     {
///         Connection("products", db =&gt; db.Products);
///         List("categories", db =&gt; db.Categories);
///         Single("category", (db, args) =&gt; db.Categories.Where(c =&gt; c.Slug == args.Get&lt;string&gt;("slug")))
///             .Argument(new QueryArgument&lt;NonNullGraphType&lt;StringGraphType&gt;&gt; { Name = "slug" });
///     }
/// }
/// </code>
/// </example>
/// <typeparam name="TContext">The EF Core context.</typeparam>
public abstract class EntityQueries<TContext> : IEntityQueries, IEntityMarker
    where TContext : DbContext
{
    private readonly List<EntityFieldDefinition> _fields = [];

    IReadOnlyList<EntityFieldDefinition> IEntityQueries.Definitions => _fields;

    /// <summary>Declares a root cursor connection (first/after/last/before, where, order, totalCount).</summary>
    protected EntityFieldBuilder Connection<T>(string name, Func<TContext, IQueryable<T>> source)
        where T : class => Connection<T>(name, (db, _) => source(db));

    /// <summary>Declares a root cursor connection whose base query depends on the arguments or the caller.</summary>
    protected EntityFieldBuilder Connection<T>(string name, Func<TContext, FieldArguments, IQueryable<T>> source)
        where T : class => Add(name, EntityFieldKind.Connection, source);

    /// <summary>Declares a root plain list with where/order.</summary>
    protected EntityFieldBuilder List<T>(string name, Func<TContext, IQueryable<T>> source)
        where T : class => List<T>(name, (db, _) => source(db));

    /// <summary>Declares a root plain list whose base query depends on the arguments or the caller.</summary>
    protected EntityFieldBuilder List<T>(string name, Func<TContext, FieldArguments, IQueryable<T>> source)
        where T : class => Add(name, EntityFieldKind.List, source);

    /// <summary>
    /// Declares a nullable root field returning the first entity of <paramref name="source"/> (declare its
    /// arguments with <see cref="EntityFieldBuilder.Argument"/>).
    /// </summary>
    protected EntityFieldBuilder Single<T>(string name, Func<TContext, FieldArguments, IQueryable<T>> source)
        where T : class => Add(name, EntityFieldKind.Reference, source);

    private EntityFieldBuilder Add<T>(string name, EntityFieldKind kind, Func<TContext, FieldArguments, IQueryable<T>> source)
    {
        var definition = new EntityFieldDefinition
        {
            Name = name,
            Kind = kind,
            SourceClrType = typeof(TContext),
            TargetClrType = typeof(T),
            RootSource = (db, arguments) => source((TContext)db, arguments),
        };
        _fields.Add(definition);
        return new EntityFieldBuilder(definition);
    }
}
