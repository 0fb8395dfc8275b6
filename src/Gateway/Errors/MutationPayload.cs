namespace Gateway.Errors;

/// <summary>
/// What a mutation returns before GraphQL shapes it: the id of the entity it wrote (resolved through the query
/// engine, projected for the client's selection) or the domain errors that stopped it.
/// </summary>
public sealed record MutationPayload(int? EntityId, IReadOnlyList<DomainException>? Errors);
