using Gateway.Store;
using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace Gateway.Tests.Budgets.NaiveBaseline;

/// <summary>
/// The naive schema's user context: the store, and the signed-in customer. Every resolver takes its own
/// short-lived DbContext and runs its own query, the way a resolver-per-field schema without batching does.
/// </summary>
internal sealed class NaiveStore(IDbContextFactory<StoreDbContext> contexts, int? viewerId) : Dictionary<string, object?>
{
    public int? ViewerId { get; } = viewerId;

    public async Task<T> QueryAsync<T>(Func<StoreDbContext, Task<T>> query)
    {
        await using var db = await contexts.CreateDbContextAsync();
        return await query(db);
    }

    public static NaiveStore Of(IResolveFieldContext context) => (NaiveStore)context.UserContext;
}
