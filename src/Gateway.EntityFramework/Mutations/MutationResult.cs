namespace Gateway.EntityFramework.Mutations;

/// <summary>What a mutation returns before GraphQL shapes its payload: the key of the entity it wrote, or the errors that stopped it.</summary>
internal sealed record MutationResult(object? Key, IReadOnlyList<Exception>? Errors);
