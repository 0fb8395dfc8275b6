using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework;

/// <summary>
/// Where the query engine rents the DbContext of a root field or a batch, when one is registered for the context
/// type. Without one, the engine creates contexts from <see cref="IDbContextFactory{TContext}"/> and disposes them
/// after use. A pool can keep what a factory's contexts cannot keep across requests, such as open connections
/// whose prepared statements are reused.
/// </summary>
public interface IQueryContextPool<TContext>
    where TContext : DbContext
{
    /// <summary>A context the caller uses alone until it gives it back with <see cref="Return"/>.</summary>
    ValueTask<TContext> RentAsync(CancellationToken cancellationToken);

    /// <summary>Takes back a rented context (which the pool may keep for the next caller or dispose).</summary>
    ValueTask Return(TContext context);
}
