namespace Gateway.EntityFramework.Types;

/// <summary>Marks the declaration classes of the engine (entity, embedded and extension types, root queries).</summary>
public interface IEntityMarker;
