using System.Data;
using System.Data.Common;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Data.Sqlite;

namespace Gateway.Store.PreparedStatements;

/// <summary>
/// The command EF Core gets on a connection with a <see cref="PreparedStatementCache"/>: when EF Core sets its text,
/// it rents the prepared command for that text, and everything else (parameters, transaction, execution) goes to
/// that command. EF Core disposes the reader before the command, so disposing this gives the prepared command back.
/// A statement that <see cref="SqliteInterruptOnCancel"/> interrupted because its token was cancelled fails with
/// <see cref="OperationCanceledException"/>, not SQLite's "interrupted" error, so GraphQL.NET answers the operation's
/// timeout with <c>TIMEOUT</c> (and a client that left with nothing) instead of an unexpected error.
/// </summary>
internal sealed class CachedStatementCommand(PreparedStatementCache cache) : DbCommand
{
    private SqliteCommand? _inner;
    private bool _cached;
    private bool _failed;
    private string _text = string.Empty;

    private SqliteCommand Inner => _inner ?? throw new InvalidOperationException("CommandText must be set before the command is used.");

    [AllowNull]
    public override string CommandText
    {
        get => _text;
        set
        {
            ReturnInner();
            _text = value ?? string.Empty;
            _inner = cache.Rent(_text, out _cached);
        }
    }

    public override int CommandTimeout
    {
        get => Inner.CommandTimeout;
        set => Inner.CommandTimeout = value;
    }

    public override CommandType CommandType
    {
        get => CommandType.Text;
        set
        {
            if (value != CommandType.Text)
            {
                throw new ArgumentException("SQLite runs text commands only.", nameof(value));
            }
        }
    }

    public override bool DesignTimeVisible { get; set; }

    public override UpdateRowSource UpdatedRowSource { get; set; }

    protected override DbConnection? DbConnection
    {
        get => cache.Connection;
        set
        {
            if (value is not null && !ReferenceEquals(value, cache.Connection))
            {
                throw new InvalidOperationException("A cached statement runs on the connection it was prepared on.");
            }
        }
    }

    protected override DbParameterCollection DbParameterCollection => Inner.Parameters;

    protected override DbTransaction? DbTransaction
    {
        get => Inner.Transaction;
        set => Inner.Transaction = (SqliteTransaction?)value;
    }

    public override void Cancel() => Inner.Cancel();

    public override int ExecuteNonQuery() => Run(c => c.ExecuteNonQuery());

    public override object? ExecuteScalar() => Run(c => c.ExecuteScalar());

    public override void Prepare() => Run(c =>
    {
        c.Prepare();
        return 0;
    });

    public override Task<int> ExecuteNonQueryAsync(CancellationToken cancellationToken) => RunAsync(ExecuteNonQuery, cancellationToken);

    public override Task<object?> ExecuteScalarAsync(CancellationToken cancellationToken) => RunAsync(ExecuteScalar, cancellationToken);

    protected override DbParameter CreateDbParameter() => new SqliteParameter();

    protected override Task<DbDataReader> ExecuteDbDataReaderAsync(CommandBehavior behavior, CancellationToken cancellationToken) =>
        RunAsync(() => ExecuteDbDataReader(behavior), cancellationToken);

    protected override DbDataReader ExecuteDbDataReader(CommandBehavior behavior) => Run(c => c.ExecuteReader(behavior));

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            ReturnInner();
        }

        base.Dispose(disposing);
    }

    private T Run<T>(Func<SqliteCommand, T> execute)
    {
        try
        {
            return execute(Inner);
        }
        catch
        {
            _failed = true;
            throw;
        }
    }

    /// <summary>SQLite runs synchronously; like <see cref="DbCommand"/>'s own async methods, but an interruption by the token is a cancellation.</summary>
    private static Task<T> RunAsync<T>(Func<T> execute, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T>(cancellationToken);
        }

        try
        {
            return Task.FromResult(execute());
        }
        catch (SqliteException interrupted) when (interrupted.SqliteErrorCode == SQLitePCL.raw.SQLITE_INTERRUPT && cancellationToken.IsCancellationRequested)
        {
            return Task.FromException<T>(new OperationCanceledException("The statement was interrupted because its operation was cancelled.", interrupted, cancellationToken));
        }
        catch (Exception failure)
        {
            return Task.FromException<T>(failure);
        }
    }

    private void ReturnInner()
    {
        if (_inner is not null)
        {
            cache.Return(_inner, _cached, _failed);
            _inner = null;
            _failed = false;
        }
    }
}
