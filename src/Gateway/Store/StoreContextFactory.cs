using Microsoft.EntityFrameworkCore;

namespace Gateway.Store;

/// <summary>
/// Hands out the provider's pooled contexts as <see cref="StoreDbContext"/>, so the code using the store never
/// names a provider. Disposing a context still returns it to its pool.
/// </summary>
internal sealed class StoreContextFactory<TContext>(IDbContextFactory<TContext> pooled) : IDbContextFactory<StoreDbContext>
    where TContext : StoreDbContext
{
    public StoreDbContext CreateDbContext() => pooled.CreateDbContext();

    public async Task<StoreDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await pooled.CreateDbContextAsync(cancellationToken);
}
