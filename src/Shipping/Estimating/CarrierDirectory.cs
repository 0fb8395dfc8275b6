using Microsoft.EntityFrameworkCore;
using Shipping.Store;

namespace Shipping.Estimating;

public sealed class CarrierDirectory(IDbContextFactory<ShippingDbContext> contexts)
{
    public async Task<IReadOnlyList<Carrier>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        return await db.Carriers.AsNoTracking().OrderBy(c => c.Code).ToListAsync(cancellationToken);
    }
}
