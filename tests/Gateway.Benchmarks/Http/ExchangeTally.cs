namespace Gateway.Benchmarks.Http;

/// <summary>What one screen load cost on the wire: round trips, waves, bytes each way and the gateway's SQL statements.</summary>
internal sealed class ExchangeTally
{
    private int _roundTrips;
    private int _waves;
    private long _requestBytes;
    private long _responseBytes;
    private int _sqlStatements;
    private int _sqlUnknown;

    public int RoundTrips => _roundTrips;
    public int Waves => _waves;
    public long RequestBytes => Interlocked.Read(ref _requestBytes);
    public long ResponseBytes => Interlocked.Read(ref _responseBytes);

    /// <summary>Statements the gateway reported (X-Sql-Statements), or null if a response did not report them.</summary>
    public int? SqlStatements => _sqlUnknown > 0 ? null : _sqlStatements;

    public void Wave() => Interlocked.Increment(ref _waves);

    public void Record(long requestBytes, long responseBytes, int? sqlStatements)
    {
        Interlocked.Increment(ref _roundTrips);
        Interlocked.Add(ref _requestBytes, requestBytes);
        Interlocked.Add(ref _responseBytes, responseBytes);
        if (sqlStatements is { } count)
        {
            Interlocked.Add(ref _sqlStatements, count);
        }
        else
        {
            Interlocked.Increment(ref _sqlUnknown);
        }
    }
}
