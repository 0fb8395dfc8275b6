using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Store.PreparedStatements;

/// <summary>Hands EF Core a <see cref="CachedStatementCommand"/> on the connections that have a statement cache.</summary>
internal sealed class PreparedStatementInterceptor : DbCommandInterceptor
{
    private readonly ConditionalWeakTable<DbConnection, PreparedStatementCache> _caches = new();

    public void Register(PreparedStatementCache cache) => _caches.AddOrUpdate(cache.Connection, cache);

    public override InterceptionResult<DbCommand> CommandCreating(CommandCorrelatedEventData eventData, InterceptionResult<DbCommand> result) =>
        !result.HasResult && _caches.TryGetValue(eventData.Connection, out var cache)
            ? InterceptionResult<DbCommand>.SuppressWithResult(new CachedStatementCommand(cache))
            : result;
}
