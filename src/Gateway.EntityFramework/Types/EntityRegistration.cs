namespace Gateway.EntityFramework.Types;

/// <summary>A declaration class registered with the engine (entity type, embedded type, extension or root queries).</summary>
internal sealed record EntityRegistration(Type ImplementationType);

/// <summary>The DbContext type the engine queries.</summary>
internal sealed record EntityContextRegistration(Type ContextType);
