using GraphQL;

namespace Gateway.Http.Transport;

/// <summary>
/// One well-formed GraphQL-over-HTTP request: the four parameters of the spec, already type-checked, and the
/// <c>documentId</c> of a persisted document (then <see cref="Query"/> may be absent, as it may for an APQ hash).
/// </summary>
internal sealed record GraphQLHttpRequest(string? Query, string? OperationName, Inputs? Variables, Inputs? Extensions, string? DocumentId = null);
