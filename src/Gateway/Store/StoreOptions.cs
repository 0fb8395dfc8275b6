namespace Gateway.Store;

/// <summary>Settings of the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>Multiplies products, customers, reviews and orders of the seed data. 0 leaves a new store empty.</summary>
    public int SeedScale { get; set; } = 1;

    /// <summary>Applies migrations (and seeds an empty store) when the gateway starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}
