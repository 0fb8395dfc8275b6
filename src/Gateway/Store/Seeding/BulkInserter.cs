using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Gateway.Store.Seeding;

/// <summary>
/// Inserts many rows (on SQLite; PostgreSQL has <see cref="PostgreSqlCopyInserter"/>) with one prepared INSERT per table, reusing its parameters row after row.
/// Table names, columns and value conversions come from the EF model and its type mappings, so the
/// stored values are exactly what EF Core would write, on any relational provider; a SaveChanges per
/// row (or per change-tracked batch) would be tens of times slower at scale 20.
/// </summary>
internal sealed class BulkInserter(DbContext db, DbTransaction transaction) : ISeedInserter
{
    private readonly ISqlGenerationHelper _sql = db.GetService<ISqlGenerationHelper>();

    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        var columns = string.Join(", ", properties.Select(p => _sql.DelimitIdentifier(p.GetColumnName(table)!)));
        var names = properties.Select((_, i) => $"p{i}").ToArray();
        command.CommandText =
            $"INSERT INTO {_sql.DelimitIdentifier(table.Name, table.Schema)} ({columns}) " +
            $"VALUES ({string.Join(", ", names.Select(_sql.GenerateParameterName))})";

        var mappings = properties.Select(p => p.GetRelationalTypeMapping()).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();
        foreach (var row in rows)
        {
            command.Parameters.Clear();
            for (var i = 0; i < properties.Length; i++)
            {
                // CreateParameter applies the property's value converter, as SaveChanges would.
                command.Parameters.Add(mappings[i].CreateParameter(command, names[i], getters[i].GetClrValue(row), properties[i].IsNullable));
            }
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
