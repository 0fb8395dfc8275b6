using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Gateway.Store;

/// <summary>
/// Makes a cancelled token stop a running SQLite statement. Microsoft.Data.Sqlite only checks the token between rows
/// (<c>SqliteCommand.Cancel</c> does nothing), so a long sort or aggregate would run to its end after the operation
/// timed out or the client left; this interceptor calls <c>sqlite3_interrupt</c> on the command's connection when the
/// token fires while the statement executes, and the statement fails at once with SQLITE_INTERRUPT.
/// </summary>
internal sealed class SqliteInterruptOnCancel : DbCommandInterceptor
{
    public static readonly SqliteInterruptOnCancel Instance = new();

    private readonly ConditionalWeakTable<DbCommand, Registration> _running = new();

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<InterceptionResult<object>> ScalarExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<object> result, CancellationToken cancellationToken = default)
    {
        Watch(command, cancellationToken);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<DbDataReader> ReaderExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        // The first row is computed by now (sorts and aggregates included); reading further checks the token itself.
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override ValueTask<object?> ScalarExecutedAsync(
        DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default)
    {
        Release(command);
        return ValueTask.FromResult(result);
    }

    public override Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Release(command);
        return Task.CompletedTask;
    }

    private void Watch(DbCommand command, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled || command.Connection is not SqliteConnection { Handle: { } handle })
        {
            return;
        }

        // Released before the command's connection goes back to the pool, so the handle is still open when it fires.
        var registration = cancellationToken.Register(() => SQLitePCL.raw.sqlite3_interrupt(handle));
        _running.AddOrUpdate(command, new Registration(registration));
    }

    private void Release(DbCommand command)
    {
        if (_running.TryGetValue(command, out var registration))
        {
            _running.Remove(command);
            registration.Value.Dispose();
        }
    }

    private sealed record Registration(CancellationTokenRegistration Value);
}
