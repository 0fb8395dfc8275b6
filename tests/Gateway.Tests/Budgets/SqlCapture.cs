using Gateway.EntityFramework.Diagnostics;

namespace Gateway.Tests.Budgets;

/// <summary>
/// Records the text of every SQL command the gateway's store runs while a recording is open, with the engine's own
/// counter: <see cref="Recorder"/>, registered in the gateway's services, is handed to the store's statement
/// interceptor, so it sees the commands of every context a request uses (resolvers, DataLoader batches).
/// Recordings are serialized: one request at a time.
/// </summary>
public sealed class SqlCapture
{
    private readonly SemaphoreSlim _oneAtATime = new(1, 1);

    public SqlStatementRecorder Recorder { get; } = new();

    /// <summary>Runs <paramref name="action"/> and returns its result with the SQL it caused, in execution order.</summary>
    public async Task<(T Result, IReadOnlyList<string> Sql)> RecordAsync<T>(Func<Task<T>> action)
    {
        await _oneAtATime.WaitAsync();
        try
        {
            using var recording = Recorder.Begin();
            var result = await action();
            return (result, recording.Counter.Statements);
        }
        finally
        {
            _oneAtATime.Release();
        }
    }
}
