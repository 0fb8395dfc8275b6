using Microsoft.Data.Sqlite;

namespace Gateway.Store.PreparedStatements;

/// <summary>
/// The prepared commands of one open SQLite connection, by SQL text. Microsoft.Data.Sqlite keeps a command's
/// prepared statements for as long as the command lives with the same text on an open connection, but EF Core
/// creates a new command per execution, so every statement was compiled again (<c>sqlite3_prepare_v2</c>: 18% of the
/// CPU of a product page under load, more than running it). A screen's statements are few and their text is stable
/// (values are parameters), so keeping one command per text makes a repeated screen compile nothing.
/// </summary>
/// <remarks>Used by one caller at a time (the connection belongs to one rented DbContext), so it takes no lock.</remarks>
internal sealed class PreparedStatementCache(SqliteConnection connection, int capacity) : IDisposable
{
    private readonly Dictionary<string, Entry> _commands = new(StringComparer.Ordinal);
    private long _clock;

    public SqliteConnection Connection { get; } = connection;

    /// <summary>Executions that found their statement prepared.</summary>
    public long Hits { get; private set; }

    /// <summary>Executions that prepared their statement.</summary>
    public long Misses { get; private set; }

    /// <summary>
    /// The command for <paramref name="sql"/>, its parameters cleared. A text already in use on this connection (a
    /// reader still open, which SQLite allows) gets a command of its own that is not kept.
    /// </summary>
    public SqliteCommand Rent(string sql, out bool cached)
    {
        if (_commands.TryGetValue(sql, out var entry))
        {
            if (!entry.InUse)
            {
                entry.InUse = true;
                entry.LastUsed = ++_clock;
                entry.Command.Parameters.Clear();
                Hits++;
                cached = true;
                return entry.Command;
            }

            Misses++;
            cached = false;
            return new SqliteCommand(sql, Connection);
        }

        Misses++;
        if (_commands.Count >= capacity)
        {
            EvictLeastRecentlyUsed();
        }

        var command = new SqliteCommand(sql, Connection);
        _commands[sql] = new Entry(command) { InUse = true, LastUsed = ++_clock };
        cached = true;
        return command;
    }

    /// <summary>Gives a command back: kept prepared when it ran cleanly, thrown away when it failed.</summary>
    public void Return(SqliteCommand command, bool cached, bool failed)
    {
        if (!cached)
        {
            command.Dispose();
            return;
        }

        if (_commands.TryGetValue(command.CommandText, out var entry) && ReferenceEquals(entry.Command, command))
        {
            if (failed)
            {
                // A statement that failed mid-step may be left unreset; prepare it afresh next time.
                _commands.Remove(command.CommandText);
                command.Dispose();
            }
            else
            {
                entry.InUse = false;
            }
        }
    }

    public void Dispose()
    {
        foreach (var entry in _commands.Values)
        {
            entry.Command.Dispose();
        }

        _commands.Clear();
    }

    private void EvictLeastRecentlyUsed()
    {
        var oldest = _commands.Where(e => !e.Value.InUse).MinBy(e => e.Value.LastUsed);
        if (oldest.Value is not null)
        {
            _commands.Remove(oldest.Key);
            oldest.Value.Command.Dispose();
        }
    }

    private sealed class Entry(SqliteCommand command)
    {
        public SqliteCommand Command { get; } = command;

        public bool InUse { get; set; }

        public long LastUsed { get; set; }
    }
}
