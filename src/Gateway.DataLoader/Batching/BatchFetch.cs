namespace Gateway.DataLoader.Batching;

/// <summary>The user's batch function, normalised to one shape for the scheduler.</summary>
internal delegate Task<IReadOnlyDictionary<TKey, TStored>> BatchFetch<TKey, TShape, TStored>(
    IReadOnlyList<TKey> keys,
    TShape shape,
    CancellationToken cancellationToken)
    where TKey : notnull;
