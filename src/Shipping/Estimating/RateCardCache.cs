using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Shipping.Store;

namespace Shipping.Estimating;

/// <summary>
/// Holds the current <see cref="RateCard"/> and reloads it from the store once it is older than the refresh
/// interval (<c>RateCard:RefreshSeconds</c>, 60 by default), so an operator's change to the store's rates is
/// served within a minute without a restart. One caller reloads; the others keep using the card they have.
/// </summary>
public sealed class RateCardCache(IDbContextFactory<ShippingDbContext> contexts, TimeProvider clock, TimeSpan refreshInterval,
    ILogger<RateCardCache> logger)
{
    private readonly SemaphoreSlim _reload = new(1, 1);
    private volatile RateCard? _current;

    public async ValueTask<RateCard> GetAsync(CancellationToken cancellationToken)
    {
        var card = _current;
        if (card is not null && clock.GetUtcNow() - card.LoadedAt < refreshInterval)
        {
            return card;
        }

        if (card is not null && !await _reload.WaitAsync(0, cancellationToken))
        {
            return card; // another caller is reloading it: the card we have is good enough meanwhile
        }

        if (card is null)
        {
            await _reload.WaitAsync(cancellationToken);
        }

        try
        {
            if (_current is { } fresh && clock.GetUtcNow() - fresh.LoadedAt < refreshInterval)
            {
                return fresh;
            }

            _current = await LoadAsync(cancellationToken);
            return _current;
        }
        finally
        {
            _reload.Release();
        }
    }

    private async Task<RateCard> LoadAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken);
        var rates = await db.Rates.AsNoTracking().Include(r => r.Carrier).ToListAsync(cancellationToken);
        var leadTimes = await db.LeadTimes.AsNoTracking().ToDictionaryAsync(l => l.WarehouseId, l => l.Days, cancellationToken);
        logger.LogDebug("Rate card loaded: {Rates} rates, {Warehouses} lead times", rates.Count, leadTimes.Count);
        return new RateCard(rates, leadTimes, clock.GetUtcNow());
    }
}
