namespace Gateway.Http;

/// <summary>Options of the GraphQL WebSocket transport (<c>graphql-transport-ws</c>).</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>The only WebSocket subprotocol accepted.</summary>
    public const string SubProtocol = "graphql-transport-ws";

    /// <summary>
    /// How long a client has after the upgrade to get its <c>connection_init</c> acknowledged
    /// (authentication included) before the socket is closed with 4408. Default 10 seconds;
    /// <see cref="Timeout.InfiniteTimeSpan"/> disables the check.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of WebSocket-level ping frames that keep proxies from dropping idle sockets.
    /// Default 15 seconds; <see cref="TimeSpan.Zero"/> disables them.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// How long to wait for the pong to a keep-alive ping before treating the client as gone and
    /// releasing its subscriptions. Default 20 seconds; <see cref="Timeout.InfiniteTimeSpan"/>
    /// disables the check (a vanished client is then only noticed when TCP gives up).
    /// </summary>
    public TimeSpan KeepAliveTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>How long to wait for the client's half of a close handshake before aborting the socket. Default 5 seconds.</summary>
    public TimeSpan CloseTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The largest client message accepted, in bytes; larger ones close the socket with 1009. Default 256 KiB.</summary>
    public int MaxMessageBytes { get; set; } = 256 * 1024;

    /// <summary>
    /// How many server messages may wait to be sent on one socket; a client that falls this far
    /// behind is disconnected with 1008 rather than buffering without bound. Default 1024.
    /// </summary>
    public int MaxPendingMessages { get; set; } = 1024;

    /// <summary>
    /// How many operations may run at once on one socket; a <c>subscribe</c> beyond that gets an
    /// <c>error</c> message. Default 100.
    /// </summary>
    public int MaxOperationsPerConnection { get; set; } = 100;
}
