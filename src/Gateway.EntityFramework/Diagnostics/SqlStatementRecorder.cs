namespace Gateway.EntityFramework.Diagnostics;

/// <summary>
/// Counts (and keeps the text of) every statement of the contexts built with
/// <c>AddSqlStatementCounting(recorder)</c> while a recording is open, whichever request, thread or async flow runs
/// them. For whoever watches a whole store from outside its requests, such as a test posting over HTTP (a client
/// never shares the server's async flow, so <see cref="SqlStatementCounter.BeginScope"/> cannot see its statements).
/// </summary>
public sealed class SqlStatementRecorder
{
    private SqlStatementCounter? _current;

    /// <summary>
    /// Starts a recording: statements go to the scope's <see cref="SqlStatementScope.Counter"/> until it is disposed.
    /// Recordings do not nest: serialize them when several callers share one recorder.
    /// </summary>
    public SqlStatementScope Begin()
    {
        var counter = new SqlStatementCounter();
        var previous = Interlocked.Exchange(ref _current, counter);
        return new SqlStatementScope(counter, () => Volatile.Write(ref _current, previous));
    }

    internal void Record(string commandText) => Volatile.Read(ref _current)?.Add(commandText);
}
