namespace Gateway.Benchmarks.Http;

/// <summary>
/// Sends like a browser over a network: at most <see cref="MaxConnectionsPerOrigin"/> requests in flight to the origin
/// (HTTP/1.1's six connections), each taking a simulated round-trip time while it holds its connection.
/// </summary>
internal sealed class BrowserLikeHandler(TimeSpan roundTripTime, HttpMessageHandler inner) : DelegatingHandler(inner)
{
    public const int MaxConnectionsPerOrigin = 6;

    private readonly SemaphoreSlim _connections = new(MaxConnectionsPerOrigin, MaxConnectionsPerOrigin);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        await _connections.WaitAsync(cancellationToken);
        try
        {
            if (roundTripTime > TimeSpan.Zero)
            {
                await Task.Delay(roundTripTime, cancellationToken);
            }
            var response = await base.SendAsync(request, cancellationToken);
            // The body is part of the exchange: read it while the connection is still held.
            await response.Content.LoadIntoBufferAsync(cancellationToken);
            return response;
        }
        finally
        {
            _connections.Release();
        }
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _connections.Dispose();
        }
        // The inner handler is the shared connection pool: not ours to dispose.
        base.Dispose(false);
    }
}
