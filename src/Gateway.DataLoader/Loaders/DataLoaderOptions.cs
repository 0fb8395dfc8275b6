namespace Gateway.DataLoader;

/// <summary>
/// Settings of one loader, passed to its base constructor.
/// </summary>
public sealed class DataLoaderOptions
{
    /// <summary>
    /// The most keys handed to one call of the batch function, or <see langword="null"/> (the default)
    /// for no limit. A larger batch is split into several calls that run one after another, e.g. to stay
    /// under a database's limit on query parameters.
    /// </summary>
    public int? MaxBatchSize { get; init; }
}
