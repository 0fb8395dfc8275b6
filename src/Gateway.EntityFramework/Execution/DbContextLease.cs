using System.Collections.Concurrent;
using System.Reflection;
using Gateway.EntityFramework.Diagnostics;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Execution;

/// <summary>
/// The DbContext of one root field, created from <see cref="IDbContextFactory{TContext}"/> in the request services
/// (root fields resolve in parallel, so they never share a context) and counted towards the request's statements
/// until disposed (a pooled context is counted for whoever leases it next).
/// </summary>
internal sealed class DbContextLease : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<Type, Func<object, CancellationToken, Task<DbContext>>> _creators = new();
    private static readonly MethodInfo _create = typeof(DbContextLease).GetMethod(nameof(CreateTyped), BindingFlags.NonPublic | BindingFlags.Static)!;

    private DbContextLease(DbContext db) => Db = db;

    public DbContext Db { get; }

    public async ValueTask DisposeAsync()
    {
        SqlStatementCounter.Detach(Db);
        await Db.DisposeAsync().ConfigureAwait(false);
    }

    public static async Task<DbContextLease> CreateAsync(IResolveFieldContext context, Type contextType)
    {
        var services = context.RequestServices
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set for the query engine to create DbContexts.");
        var factoryType = typeof(IDbContextFactory<>).MakeGenericType(contextType);
        var factory = services.GetService(factoryType)
            ?? throw new InvalidOperationException($"Register {contextType.Name} with AddDbContextFactory<{contextType.Name}>() for the query engine.");
        var creator = _creators.GetOrAdd(contextType, t => _create.MakeGenericMethod(t).CreateDelegate<Func<object, CancellationToken, Task<DbContext>>>());
        var db = await creator(factory, context.CancellationToken).ConfigureAwait(false);
        SqlStatementCounter.Attach(db, context);
        return new DbContextLease(db);
    }

    private static async Task<DbContext> CreateTyped<TContext>(object factory, CancellationToken cancellationToken)
        where TContext : DbContext =>
        await ((IDbContextFactory<TContext>)factory).CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
}
