using Microsoft.EntityFrameworkCore;

namespace Shipping.Store;

/// <summary>Creates the store and seeds it once; the data is reference data that no request writes.</summary>
public sealed class ShippingStoreInitializer(IDbContextFactory<ShippingDbContext> contexts)
{
    public void Initialize()
    {
        using var db = contexts.CreateDbContext();
        db.Database.EnsureCreated();
        if (db.Carriers.Any())
        {
            return;
        }

        var (carriers, rates, leadTimes) = ShippingSeed.Generate();
        db.Carriers.AddRange(carriers);
        db.Rates.AddRange(rates);
        db.LeadTimes.AddRange(leadTimes);
        db.SaveChanges();
    }
}
