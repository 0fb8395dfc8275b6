namespace Gateway.Store;

/// <summary>Settings of the <c>Store</c> configuration section.</summary>
public sealed class StoreOptions
{
    public const string Section = "Store";

    /// <summary>The database behind the store; <c>ConnectionStrings:Store</c> is in this provider's form.</summary>
    public StoreProvider Provider { get; set; } = StoreProvider.Sqlite;

    /// <summary>Multiplies products, customers, reviews and orders of the seed data. 0 leaves a new store empty.</summary>
    public int SeedScale { get; set; } = 1;

    /// <summary>Applies migrations (and seeds an empty store) when the gateway starts.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    /// <summary>
    /// On SQLite, the query engine reads through connections it keeps open, each compiling a statement once and
    /// reusing it (see <c>PreparedStatements/SqliteQueryContextPool</c>). Off: a connection per query, as EF Core does.
    /// </summary>
    public bool ReusePreparedStatements { get; set; } = true;

    /// <summary>Open connections the query engine keeps idle between requests (more are opened under load, then closed).</summary>
    public int QueryConnections { get; set; } = 32;

    /// <summary>Prepared statements kept per connection, least recently used evicted first.</summary>
    public int PreparedStatementsPerConnection { get; set; } = 64;

    /// <summary>
    /// On SQLite, how much of the store file the query engine's connections read through memory mapping (SQLite's
    /// <c>mmap_size</c>): a page is then read from the operating system's cache without a system call, and the mapped
    /// pages are shared by all connections instead of each holding its own copy. 0 turns it off (SQLite's default).
    /// </summary>
    public int MemoryMapMegabytes { get; set; } = 256;
}

/// <summary>The databases the store runs on. Each has its own migrations (see <see cref="PostgreSqlStoreDbContext"/>).</summary>
public enum StoreProvider
{
    /// <summary>An embedded file: nothing to install, one machine.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (Npgsql connection string): several replicas share it.</summary>
    PostgreSql,
}
