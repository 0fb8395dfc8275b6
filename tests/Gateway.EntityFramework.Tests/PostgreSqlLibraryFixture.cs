using Gateway.Testing.PostgreSql;
using Microsoft.EntityFrameworkCore;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// The library in a database of its own on the test run's PostgreSQL cluster, where the engine's Auto strategy
/// navigates references inside nested pages (LATERAL joins) instead of correlating them as on SQLite.
/// </summary>
public sealed class PostgreSqlLibraryFixture : LibraryFixture
{
    private readonly string? _database;

    // xunit may build a class fixture even when every test of the class is skipped: without PostgreSQL the
    // fixture stands on in-memory SQLite instead of failing, and the skipped tests never use it.
    public PostgreSqlLibraryFixture()
        : this(PostgreSqlServer.SkipReason is null ? PostgreSqlServer.CreateDatabaseAsync("library").GetAwaiter().GetResult() : null)
    {
    }

    private PostgreSqlLibraryFixture(string? database)
        : base(database is null ? null : o => o.UseNpgsql(database)) =>
        _database = database;

    public override bool OnPostgreSql => _database is not null;

    public override void Dispose()
    {
        base.Dispose();
        if (_database is not null)
        {
            PostgreSqlServer.DropDatabaseAsync(_database).GetAwaiter().GetResult();
        }
    }
}
