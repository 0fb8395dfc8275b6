using Gateway.DataLoader;
using System.Security.Claims;
using System.Text.Json;
using Gateway.EntityFramework.Compilation;
using Gateway.EntityFramework.Diagnostics;
using Gateway.EntityFramework.Tests.Model;
using Gateway.EntityFramework.Tests.Schema;
using Gateway.EntityFramework.Types;
using Gateway.Testing.PostgreSql;
using GraphQL;
using GraphQL.Types;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.EntityFramework.Tests;

/// <summary>
/// An in-memory SQLite library (one open connection per test class) and the schema over it; or, through
/// <see cref="PostgreSqlLibraryFixture"/>, the same library in a database of its own on the test run's PostgreSQL.
/// </summary>
public class LibraryFixture : IDisposable
{
    private readonly SqliteConnection _connection = new("Data Source=:memory:");
    private readonly string? _database;

    public LibraryFixture()
        : this(onPostgreSql: false)
    {
    }

    /// <summary>
    /// The library in a database of its own on the test run's PostgreSQL when <paramref name="onPostgreSql"/>,
    /// otherwise in memory on SQLite. xunit may build a class fixture even when every test of the class is skipped:
    /// without PostgreSQL the fixture stands on in-memory SQLite instead of failing, and the skipped tests never use it.
    /// </summary>
    protected LibraryFixture(bool onPostgreSql)
    {
        _database = onPostgreSql && PostgreSqlServer.SkipReason is null
            ? PostgreSqlServer.CreateDatabaseAsync("library").GetAwaiter().GetResult()
            : null;
        Action<DbContextOptionsBuilder> useStore;
        if (_database is { } database)
        {
            useStore = o => o.UseNpgsql(database, npgsql => npgsql.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        else
        {
            _connection.Open();
            useStore = o => o.UseSqlite(_connection, sqlite => sqlite.UseParameterizedCollectionMode(ParameterTranslationMode.Parameter));
        }
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Debug).AddFilter("Microsoft", LogLevel.Warning).AddProvider(Logs));
        services.AddDbContextFactory<LibraryDb>(o => useStore(o.AddSqlStatementCounting().CompileShapersOnce()));
        services.AddEntityDeclarationsFrom(typeof(LibraryFixture).Assembly);
        services.AddSingleton<IEntityFieldAuthorizer, HeaderAuthorizer>();
        services.AddGraphQL(b => b.AddSchema<LibrarySchema>().AddSystemTextJson()
            .AddEntityFramework<LibraryDb>(Configure));
        services.AddSingleton<StockRoomCalls>();
        services.AddDataLoader<StockRoomLoader>();
        AddServices(services);
        Services = services.BuildServiceProvider();
        using var db = CreateDb();
        db.Database.EnsureCreated();
        LibrarySeed.Seed(db);
    }

    public ServiceProvider Services { get; }

    /// <summary>True on PostgreSQL, whose SQL differs from SQLite's (LATERAL joins, strpos, unquoted aliases).</summary>
    public bool OnPostgreSql => _database is not null;

    /// <summary>More declarations for a fixture of its own (the mutation tests' mutations), so the shared schema stays as it is.</summary>
    protected virtual void AddServices(IServiceCollection services)
    {
    }

    /// <summary>False to see server errors as clients do (masked) rather than with the exception, for assertion messages.</summary>
    protected virtual bool ShowsServerErrors => true;

    protected virtual void Configure(EntityFrameworkOptions options)
    {
        options.MaxPageSize = 50;
        options.MaxFilterListLength = 5;
    }

    public CapturingLoggerProvider Logs { get; } = new();

    public LibraryDb CreateDb() => Services.GetRequiredService<IDbContextFactory<LibraryDb>>().CreateDbContext();

    public Task<GraphResult> ExecuteAsync(string query, object? variables = null, string? user = null) =>
        ExecuteAsync(query, document: null, variables, user);

    /// <summary>
    /// Executes a document parsed once (<see cref="GraphQLParser.Parser.Parse(string)"/>), as a server's document cache
    /// hands the same document to every request of its text: the engine may reuse what it prepared for its selections.
    /// </summary>
    public Task<GraphResult> ExecuteAsync(GraphQLParser.AST.GraphQLDocument document, object? variables = null, string? user = null) =>
        ExecuteAsync(query: null, document, variables, user);

    private async Task<GraphResult> ExecuteAsync(string? query, GraphQLParser.AST.GraphQLDocument? document, object? variables, string? user)
    {
        using var scope = SqlStatementCounter.BeginScope();
        using var requestServices = Services.CreateScope();
        var userContext = new Dictionary<string, object?> { ["user"] = user };
        var executer = Services.GetRequiredService<IDocumentExecuter<ISchema>>();
        var serializer = Services.GetRequiredService<IGraphQLTextSerializer>();
        var result = await executer.ExecuteAsync(new ExecutionOptions
        {
            Query = query,
            Document = document,
            Variables = variables is null ? null : serializer.Deserialize<Inputs>(JsonSerializer.Serialize(variables)),
            RequestServices = requestServices.ServiceProvider,
            UserContext = userContext,
            // row rules read the request's user (see LibraryRowRules); the field authorizer reads the user context
            User = user is null ? null : new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user)], "test")),
            // surfaces server errors in assertion messages; clients never see these in production
            UnhandledExceptionDelegate = context =>
            {
                if (ShowsServerErrors)
                {
                    context.ErrorMessage = context.OriginalException.ToString();
                }
                return Task.CompletedTask;
            },
        });
        var json = JsonDocument.Parse(serializer.Serialize(result)).RootElement;
        return new GraphResult(json, scope.Counter, SqlStatementCounter.ForRequest(userContext));
    }

    public void Dispose()
    {
        Services.Dispose();
        _connection.Dispose();
        if (_database is not null)
        {
            PostgreSqlServer.DropDatabaseAsync(_database).GetAwaiter().GetResult();
        }
        GC.SuppressFinalize(this);
    }

    /// <summary>
    /// Policy "self": user "author:N" may read author N's private fields only (and filter or sort on none);
    /// any other user may read, filter and sort everything; anonymous callers nothing.
    /// </summary>
    private sealed class HeaderAuthorizer : IEntityFieldAuthorizer
    {
        public ValueTask<bool> AuthorizeAsync(IResolveFieldContext context, string policy, EntityRow? row)
        {
            var user = context.UserContext.TryGetValue("user", out var value) ? value as string : null;
            var allowed = policy == "self" && user is not null && (!user.StartsWith("author:", StringComparison.Ordinal)
                || (row?.Resource is int id && user == $"author:{id}"));
            return ValueTask.FromResult(allowed);
        }
    }
}

public sealed record GraphResult(JsonElement Json, SqlStatementCounter Sql, SqlStatementCounter RequestSql)
{
    public JsonElement Data => Json.GetProperty("data");

    public bool HasErrors => Json.TryGetProperty("errors", out _);

    public IReadOnlyList<string> ErrorCodes => Json.TryGetProperty("errors", out var errors)
        ? errors.EnumerateArray().Select(e => e.TryGetProperty("extensions", out var x) && x.TryGetProperty("code", out var c) ? c.GetString()! : "").ToList()
        : [];

    public GraphResult AssertNoErrors()
    {
        Assert.False(HasErrors, Json.ToString());
        return this;
    }
}
