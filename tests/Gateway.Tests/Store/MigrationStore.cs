using Gateway.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Gateway.Tests.Store;

/// <summary>A store file of its own, brought to a chosen migration, for testing what a later migration does to its rows.</summary>
public sealed class MigrationStore : IDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"gateway-migration-{Guid.NewGuid():N}.db");

    public StoreDbContext Open() =>
        new(new DbContextOptionsBuilder<StoreDbContext>().UseSqlite($"Data Source={_path};Pooling=False").Options);

    /// <summary>Applies the migrations up to and including <paramref name="migration"/>.</summary>
    public async Task MigrateToAsync(string migration)
    {
        await using var db = Open();
        await db.GetService<IMigrator>().MigrateAsync(migration);
    }

    /// <summary>Applies every migration still pending.</summary>
    public async Task MigrateAsync()
    {
        await using var db = Open();
        await db.Database.MigrateAsync();
    }

    public async Task ExecuteAsync(FormattableString sql)
    {
        await using var db = Open();
        await db.Database.ExecuteSqlAsync(sql);
    }

    /// <summary>The first column of the first row, as invariant text (what SQLite holds, before any EF conversion).</summary>
    public async Task<string?> ScalarAsync(string sql)
    {
        await using var db = Open();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    public void Dispose()
    {
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            File.Delete(file);
        }
    }
}
