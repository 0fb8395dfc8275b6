using GraphQL;

namespace Gateway.Http.Transport;

/// <summary>One well-formed GraphQL-over-HTTP request: the four parameters of the spec, already type-checked.</summary>
internal sealed record GraphQLHttpRequest(string Query, string? OperationName, Inputs? Variables, Inputs? Extensions);
