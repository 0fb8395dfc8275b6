using Gateway.EntityFramework.Diagnostics;
using Gateway.EntityFramework.Tests.Model;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// The recorder is the same counter seen from outside the requests: it must count statements whatever flow runs them
/// (the budget tests post over HTTP, whose server never shares their async flow), and only while recording.
/// </summary>
public sealed class SqlStatementRecorderTests : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly SqlStatementRecorder _recorder = new();

    public SqlStatementRecorderTests()
    {
        _connection.Open();
        using var db = CreateDb();
        db.Database.EnsureCreated();
    }

    [Fact]
    public async Task A_recording_counts_the_statements_of_any_flow_and_nothing_after_it_ends()
    {
        using (var recording = _recorder.Begin())
        {
            using var flow = SqlStatementCounter.BeginScope();
            // A flow that does not inherit this one's execution context, as a server's request never does.
            Task elsewhere;
            using (ExecutionContext.SuppressFlow())
            {
                elsewhere = Task.Run(ReadBooksAsync);
            }
            await elsewhere;
            await ReadBooksAsync();

            Assert.Equal(1, flow.Counter.Count);
            Assert.Equal(2, recording.Counter.Count);
            Assert.All(recording.Counter.Statements, sql => Assert.Contains("Books", sql, StringComparison.Ordinal));
        }

        using var next = _recorder.Begin();
        Assert.Equal(0, next.Counter.Count);
    }

    [Fact]
    public async Task A_context_without_the_recorder_is_counted_by_the_flow_scope_alone()
    {
        using var recording = _recorder.Begin();
        using var scope = SqlStatementCounter.BeginScope();
        await using var db = CreateDb(recorder: null);

        await db.Books.CountAsync();

        Assert.Equal(1, scope.Counter.Count);
        Assert.Equal(0, recording.Counter.Count);
    }

    public void Dispose() => _connection.Dispose();

    private LibraryDb CreateDb() => CreateDb(_recorder);

    private LibraryDb CreateDb(SqlStatementRecorder? recorder)
    {
        var options = new DbContextOptionsBuilder<LibraryDb>().UseSqlite(_connection);
        options.AddSqlStatementCounting(recorder);
        return new LibraryDb(options.Options);
    }

    private async Task ReadBooksAsync()
    {
        await using var db = CreateDb();
        await db.Books.CountAsync();
    }
}
