using GraphQL;
using GraphQL.Transport;

namespace Gateway.Http.WebSockets;

/// <summary>Builds the messages the server sends; <c>IGraphQLSerializer</c> writes them.</summary>
internal static class ServerMessages
{
    public static OperationMessage ConnectionAck() => new() { Type = MessageTypes.ConnectionAck };

    public static OperationMessage Pong() => new() { Type = MessageTypes.Pong };

    public static OperationMessage Next(string id, ExecutionResult result) => new() { Id = id, Type = MessageTypes.Next, Payload = result };

    /// <summary>An <c>error</c> message; the protocol requires a non-empty list of GraphQL errors.</summary>
    public static OperationMessage Error(string id, IEnumerable<ExecutionError> errors) =>
        new() { Id = id, Type = MessageTypes.Error, Payload = errors.ToArray() };

    public static OperationMessage Error(string id, string message) => Error(id, [new ExecutionError(message)]);

    public static OperationMessage Complete(string id) => new() { Id = id, Type = MessageTypes.Complete };
}
