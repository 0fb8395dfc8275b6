using System.Collections.Concurrent;
using System.Reflection;
using Gateway.EntityFramework.Diagnostics;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// The DbContext of one root field, rented from the context type's <see cref="IQueryContextPool{TContext}"/> when
/// one is registered, else created from <see cref="IDbContextFactory{TContext}"/> in the request services (root
/// fields resolve in parallel, so they never share a context), and counted towards the request's statements until
/// disposed (a pooled context is counted for whoever leases it next).
/// </summary>
internal sealed class DbContextLease : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, Source> _sources = new();
    private static readonly MethodInfo _source = typeof(DbContextLease).GetMethod(nameof(SourceOf), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly Func<DbContext, ValueTask> _release;

    private DbContextLease(DbContext db, Func<DbContext, ValueTask> release)
    {
        Db = db;
        _release = release;
    }

    public DbContext Db { get; }

    public ValueTask DisposeAsync()
    {
        SqlStatementCounter.Detach(Db);
        return _release(Db);
    }

    public static async Task<DbContextLease> CreateAsync(IResolveFieldContext context, Type contextType)
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set for the query engine to create DbContexts.");
        var source = _sources.GetOrAdd(contextType, t => (Source)_source.MakeGenericMethod(t).Invoke(null, null)!);
        var (db, release) = await source(services, context.CancellationToken).ConfigureAwait(false);
        SqlStatementCounter.Attach(db, context);
        return new DbContextLease(db, release);
    }

    private delegate Task<(DbContext Db, Func<DbContext, ValueTask> Release)> Source(IServiceProvider services, CancellationToken cancellationToken);

    private static Source SourceOf<TContext>()
        where TContext : DbContext =>
        async (services, cancellationToken) =>
        {
            if (services.GetService(typeof(IQueryContextPool<TContext>)) is IQueryContextPool<TContext> pool)
            {
                return (await pool.RentAsync(cancellationToken).ConfigureAwait(false), db => pool.Return((TContext)db));
            }

            var factory = services.GetService(typeof(IDbContextFactory<TContext>)) as IDbContextFactory<TContext>
                ?? throw new InvalidOperationException($"Register {typeof(TContext).Name} with AddDbContextFactory<{typeof(TContext).Name}>() for the query engine.");
            return (await factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false), db => db.DisposeAsync());
        };
}
