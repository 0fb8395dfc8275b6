using Gateway.Http.Transport;
using GraphQL;

namespace Gateway.Http.Caching;

/// <summary>What the endpoint executed for this HTTP request, for middleware that decides on response headers.</summary>
internal sealed record GraphQLHttpExecutionFeature(GraphQLHttpRequest Request, ExecutionResult Result);
