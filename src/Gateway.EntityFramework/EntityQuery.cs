using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Types;
using GraphQL;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework;

/// <summary>
/// Runs the engine from hand-written resolvers (mutation payloads, subscriptions, DataLoader-backed fields):
/// the entity is read with the projection of the current field's selection, so its type's fields resolve as usual.
/// </summary>
/// <example>
/// <code>
/// Field&lt;ReviewType&gt;("review").ResolveAsync(ctx =&gt;
///     EntityQuery.SingleAsync&lt;StoreDbContext, Review&gt;(ctx, db =&gt; db.Reviews.Where(r =&gt; r.Id == ((AddReviewPayload)ctx.Source!).ReviewId)));
/// </code>
/// </example>
public static class EntityQuery
{
    /// <summary>Projects the first entity of <paramref name="query"/> (or null) for the current field, on a DbContext of its own.</summary>
    public static async Task<object?> SingleAsync<TContext, T>(IResolveFieldContext context, Func<TContext, IQueryable<T>> query)
        where TContext : DbContext
        where T : class
    {
        var model = context.RequestServices!.GetRequiredService<EntityModel>();
        await using var lease = await DbContextLease.CreateAsync(context, typeof(TContext)).ConfigureAwait(false);
        var db = lease.Db;
        var scope = new QueryScope(context, db, model);
        return await new QueryExecutor(scope).SingleAsync(model.EntityType(typeof(T)), query((TContext)db)).ConfigureAwait(false);
    }

    /// <summary>Projects every entity of <paramref name="query"/> for the current (list) field, on a DbContext of its own.</summary>
    public static async Task<object?> ListAsync<TContext, T>(IResolveFieldContext context, Func<TContext, IQueryable<T>> query)
        where TContext : DbContext
        where T : class
    {
        var model = context.RequestServices!.GetRequiredService<EntityModel>();
        await using var lease = await DbContextLease.CreateAsync(context, typeof(TContext)).ConfigureAwait(false);
        var db = lease.Db;
        var scope = new QueryScope(context, db, model);
        return await new QueryExecutor(scope).ListAsync(model.EntityType(typeof(T)), query((TContext)db), new FieldArguments(context, context.Arguments)).ConfigureAwait(false);
    }
}
