using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Shipping.Estimating;
using Shipping.Hosting;
using Shipping.Store;

namespace Shipping.Tests;

/// <summary>The rate card is read from the store once per refresh interval, not per estimate, and follows the store after it.</summary>
public sealed class RateCardCacheTests : IDisposable
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(60);

    private readonly ServiceProvider _services;
    private readonly IDbContextFactory<ShippingDbContext> _contexts;
    private readonly ManualClock _clock = new();

    public RateCardCacheTests()
    {
        _services = new ServiceCollection().AddLogging()
            .AddShippingService(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
        _services.GetRequiredService<ShippingStoreInitializer>().Initialize();
        _contexts = _services.GetRequiredService<IDbContextFactory<ShippingDbContext>>();
    }

    [Fact]
    public async Task A_changed_rate_is_served_once_the_card_is_older_than_the_interval()
    {
        var cache = new RateCardCache(_contexts, _clock, Interval, NullLogger<RateCardCache>.Instance);
        var first = await cache.GetAsync(CancellationToken.None);
        var rate = first.RatesTo("DE")[0];

        await using (var db = await _contexts.CreateDbContextAsync())
        {
            await db.Rates.Where(r => r.Id == rate.Id).ExecuteUpdateAsync(s => s.SetProperty(r => r.PriceCents, rate.PriceCents + 100));
        }

        _clock.Advance(Interval - TimeSpan.FromSeconds(1));
        var cached = await cache.GetAsync(CancellationToken.None);
        Assert.Same(first, cached);
        Assert.Equal(rate.PriceCents, cached.RatesTo("DE").Single(r => r.Id == rate.Id).PriceCents);

        _clock.Advance(TimeSpan.FromSeconds(2));
        var reloaded = await cache.GetAsync(CancellationToken.None);
        Assert.NotSame(first, reloaded);
        Assert.Equal(rate.PriceCents + 100, reloaded.RatesTo("DE").Single(r => r.Id == rate.Id).PriceCents);
    }

    [Fact]
    public async Task A_country_no_carrier_serves_has_no_rates_and_bands_come_lightest_first()
    {
        var cache = new RateCardCache(_contexts, _clock, Interval, NullLogger<RateCardCache>.Instance);
        var card = await cache.GetAsync(CancellationToken.None);

        Assert.Empty(card.RatesTo("ZZ"));
        var grams = card.RatesTo("FR").Select(r => r.MaxGrams).ToList();
        Assert.Equal(grams.Order(), grams);
        Assert.All(card.RatesTo("FR"), r => Assert.NotNull(r.Carrier));
    }

    public void Dispose() => _services.Dispose();

    private sealed class ManualClock : TimeProvider
    {
        private DateTimeOffset _now = new(2026, 11, 30, 0, 0, 0, TimeSpan.Zero);

        public override DateTimeOffset GetUtcNow() => _now;

        public void Advance(TimeSpan by) => _now += by;
    }
}
