using System.Collections.Concurrent;
using Gateway.EntityFramework;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Options;

namespace Gateway.Store.PreparedStatements;

/// <summary>
/// The query engine's DbContexts on SQLite: each keeps one connection open for its whole life, with a
/// <see cref="PreparedStatementCache"/>, so the statements of the screens are compiled once per connection instead
/// of once per request (EF Core's own context pool closes the connection, and with it the statements, on every
/// return). Reads only: every statement runs in its own implicit transaction and sees what writers committed.
/// With another provider, or with <c>Store:ReusePreparedStatements</c> false, it hands out the factory's contexts.
/// </summary>
internal sealed class SqliteQueryContextPool : IQueryContextPool<StoreDbContext>, IDisposable
{
    private readonly IDbContextFactory<StoreDbContext> _factory;
    private readonly StoreOptions _options;
    private readonly PreparedStatementInterceptor _interceptor = new();
    private readonly ConcurrentBag<StoreDbContext> _idle = [];
    private readonly ConcurrentDictionary<StoreDbContext, PreparedStatementCache> _caches = new();
    private readonly Lazy<(DbContextOptions<StoreDbContext> Options, string ConnectionString)?> _template;
    private int _disposed;

    public SqliteQueryContextPool(IDbContextFactory<StoreDbContext> factory, IOptions<StoreOptions> options)
    {
        _factory = factory;
        _options = options.Value;
        _template = new(Template);
    }

    /// <summary>Statement executions that found their statement prepared, over every connection of the pool.</summary>
    public long Hits => _caches.Values.Sum(c => c.Hits);

    /// <summary>Statement executions that compiled their statement.</summary>
    public long Misses => _caches.Values.Sum(c => c.Misses);

    public async ValueTask<StoreDbContext> RentAsync(CancellationToken cancellationToken)
    {
        if (_template.Value is not { } template)
        {
            return await _factory.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        }

        return _idle.TryTake(out var idle) ? idle : Create(template.Options, template.ConnectionString);
    }

    public ValueTask Return(StoreDbContext context)
    {
        if (!_caches.ContainsKey(context))
        {
            return context.DisposeAsync(); // the factory's
        }

        context.ChangeTracker.Clear();
        if (Volatile.Read(ref _disposed) == 0 && _idle.Count < _options.QueryConnections)
        {
            _idle.Add(context);
        }
        else
        {
            Close(context);
        }

        return ValueTask.CompletedTask;
    }

    public void Dispose()
    {
        Interlocked.Exchange(ref _disposed, 1);
        while (_idle.TryTake(out var context))
        {
            Close(context);
        }
    }

    private StoreDbContext Create(DbContextOptions<StoreDbContext> template, string connectionString)
    {
        var connection = new SqliteConnection(connectionString);
        connection.Open();
        MapMemory(connection);
        var cache = new PreparedStatementCache(connection, _options.PreparedStatementsPerConnection);
        _interceptor.Register(cache);
        var options = new DbContextOptionsBuilder<StoreDbContext>(template)
            .UseSqlite(connection)
            .AddInterceptors(_interceptor)
            .Options;
        var context = new StoreDbContext(options);
        _caches[context] = cache;
        return context;
    }

    /// <summary>
    /// Reads the store file through memory mapping: the product page's statements at scale 20 spent a sixth of the
    /// gateway's time in <c>pread</c> calls for pages missing from each connection's own small page cache
    /// (docs/performance.md, change 26). Per connection, once: the pool keeps it open.
    /// </summary>
    private void MapMemory(SqliteConnection connection)
    {
        using var pragma = connection.CreateCommand();
        pragma.CommandText = "PRAGMA mmap_size = " + ((long)_options.MemoryMapMegabytes * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        pragma.ExecuteNonQuery();
    }

    private void Close(StoreDbContext context)
    {
        if (_caches.TryRemove(context, out var cache))
        {
            cache.Dispose();
            context.Dispose();
            cache.Connection.Dispose();
        }
    }

    /// <summary>The factory's options and connection string, when its contexts are SQLite ones and reuse is on.</summary>
    private (DbContextOptions<StoreDbContext>, string)? Template()
    {
        if (!_options.ReusePreparedStatements)
        {
            return null;
        }

        using var probe = _factory.CreateDbContext();
        if (!probe.Database.IsSqlite() || probe.GetService<IDbContextOptions>() is not DbContextOptions<StoreDbContext> options)
        {
            return null;
        }

        return (options, probe.Database.GetConnectionString()!);
    }
}
