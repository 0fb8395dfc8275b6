namespace Gateway.Http.WebSockets;

/// <summary>
/// Close codes of the <c>graphql-transport-ws</c> protocol that this server sends, plus the
/// standard WebSocket codes it uses for shutdown and oversized messages.
/// </summary>
public static class GraphQLWebSocketCloseCodes
{
    /// <summary>A malformed message or a message type the server does not accept; the reason says why.</summary>
    public const int BadRequest = 4400;

    /// <summary>A <c>subscribe</c> arrived before the server acknowledged the connection.</summary>
    public const int Unauthorized = 4401;

    /// <summary>The authenticator rejected the <c>connection_init</c> payload.</summary>
    public const int Forbidden = 4403;

    /// <summary>The client did not offer the <c>graphql-transport-ws</c> subprotocol.</summary>
    public const int SubprotocolNotAcceptable = 4406;

    /// <summary>No acknowledged <c>connection_init</c> within the configured timeout.</summary>
    public const int ConnectionInitialisationTimeout = 4408;

    /// <summary>A <c>subscribe</c> reused the id of an operation that is still running.</summary>
    public const int SubscriberAlreadyExists = 4409;

    /// <summary>A second <c>connection_init</c> on the same socket.</summary>
    public const int TooManyInitialisationRequests = 4429;

    /// <summary>An unexpected server failure (authenticator threw, a result could not be serialized).</summary>
    public const int InternalServerError = 4500;

    /// <summary>The server is shutting down (standard 1001 Going Away).</summary>
    public const int GoingAway = 1001;

    /// <summary>The client is not reading its messages fast enough (standard 1008 Policy Violation).</summary>
    public const int PolicyViolation = 1008;

    /// <summary>A client message exceeded <c>GraphQLWebSocketOptions.MaxMessageBytes</c> (standard 1009).</summary>
    public const int MessageTooBig = 1009;
}
