using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;
using NpgsqlTypes;

namespace Gateway.Store.Seeding;

/// <summary>
/// Inserts rows through PostgreSQL's binary COPY, Npgsql's fastest bulk path (one stream per table, no statement
/// per row). Columns and value conversions come from the EF model, as for <see cref="BulkInserter"/>, so the stored
/// values are what EF Core would write. The seed data brings its own ids, so each identity column's sequence is
/// then moved past the largest id, or the next row the gateway inserts would collide with a seeded one.
/// </summary>
internal sealed class PostgreSqlCopyInserter(DbContext db) : ISeedInserter
{
    public async Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class
    {
        if (rows.Count == 0)
        {
            return;
        }
        var entityType = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T)} is not mapped.");
        var table = StoreObjectIdentifier.Table(entityType.GetTableName()!, entityType.GetSchema());
        var properties = entityType.GetProperties().Where(p => p.GetColumnName(table) is not null).ToArray();
        var tableName = Quote(table.Name);
        var columns = string.Join(", ", properties.Select(p => Quote(p.GetColumnName(table)!)));
        var converters = properties.Select(p => p.GetTypeMapping().Converter).ToArray();
        var getters = properties.Select(p => p.GetGetter()).ToArray();

        var connection = (NpgsqlConnection)db.Database.GetDbConnection();
        await using (var writer = await connection.BeginBinaryImportAsync($"COPY {tableName} ({columns}) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await writer.StartRowAsync(cancellationToken);
                for (var i = 0; i < properties.Length; i++)
                {
                    var value = getters[i].GetClrValue(row);
                    await WriteAsync(writer, value is null || converters[i] is null ? value : converters[i]!.ConvertToProvider(value), cancellationToken);
                }
            }
            await writer.CompleteAsync(cancellationToken);
        }

        foreach (var identity in properties.Where(p => NpgsqlPropertyExtensions.GetValueGenerationStrategy(p) is NpgsqlValueGenerationStrategy.IdentityByDefaultColumn
                     or NpgsqlValueGenerationStrategy.IdentityAlwaysColumn or NpgsqlValueGenerationStrategy.SerialColumn))
        {
            var column = Quote(identity.GetColumnName(table)!);
            await using var advance = new NpgsqlCommand(
                $"SELECT setval(pg_get_serial_sequence(@table, @column), (SELECT max({column}) FROM {tableName}))", connection);
            advance.Parameters.AddWithValue("table", tableName);
            advance.Parameters.AddWithValue("column", identity.GetColumnName(table)!);
            await advance.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    /// <summary>Binary COPY needs each value's exact wire type; the model's provider types are these few.</summary>
    private static Task WriteAsync(NpgsqlBinaryImporter writer, object? value, CancellationToken cancellationToken) => value switch
    {
        null => writer.WriteNullAsync(cancellationToken),
        int number => writer.WriteAsync(number, NpgsqlDbType.Integer, cancellationToken),
        long number => writer.WriteAsync(number, NpgsqlDbType.Bigint, cancellationToken),
        string text => writer.WriteAsync(text, NpgsqlDbType.Text, cancellationToken),
        DateTime instant => writer.WriteAsync(instant, NpgsqlDbType.TimestampTz, cancellationToken),
        bool flag => writer.WriteAsync(flag, NpgsqlDbType.Boolean, cancellationToken),
        _ => throw new NotSupportedException($"No COPY mapping for {value.GetType()}: add one here."),
    };

    private static string Quote(string identifier) => "\"" + identifier.Replace("\"", "\"\"") + "\"";
}

/// <summary>Writes many rows of one entity type into the store through a provider's bulk path.</summary>
internal interface ISeedInserter
{
    Task InsertAsync<T>(IReadOnlyList<T> rows, CancellationToken cancellationToken) where T : class;
}
