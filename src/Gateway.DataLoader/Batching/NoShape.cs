namespace Gateway.DataLoader.Batching;

/// <summary>The single shape of loaders that are not projection-aware: every load shares it.</summary>
internal readonly record struct NoShape;
