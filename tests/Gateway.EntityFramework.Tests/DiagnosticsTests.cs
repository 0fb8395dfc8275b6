using Gateway.Testing.PostgreSql;
using Gateway.EntityFramework.Diagnostics;

namespace Gateway.EntityFramework.Tests;

public class DiagnosticsTests(LibraryFixture fixture) : IClassFixture<LibraryFixture>
{
    [StoreFact]
    public async Task Statements_are_counted_per_request_across_parallel_root_fields()
    {
        var result = (await fixture.ExecuteAsync("""
            query TwoRoots { a: books(first: 2) { totalCount nodes { isbn } } b: authors(first: 1) { nodes { name } } c: publishers { name } }
            """)).AssertNoErrors();
        Assert.Equal(4, result.RequestSql.Count);
        Assert.Equal(4, result.Sql.Count);
        Assert.Equal(4, result.RequestSql.Statements.Count);
    }

    [StoreFact]
    public async Task Each_operation_is_logged_at_debug_with_name_duration_and_statement_count()
    {
        (await fixture.ExecuteAsync("query LoggedOperation { books(first: 2) { totalCount nodes { isbn } } }")).AssertNoErrors();
        var entry = Assert.Single(fixture.Logs.Entries, e => e.Category == typeof(QueryDiagnosticsListener).FullName && Equals(e.State.GetValueOrDefault("OperationName"), "LoggedOperation"));
        Assert.Equal(Microsoft.Extensions.Logging.LogLevel.Debug, entry.Level);
        Assert.Equal(2, entry.State["SqlStatements"]);
        Assert.IsType<double>(entry.State["DurationMs"]);
    }

    [StoreFact]
    public async Task Rejected_arguments_run_no_sql()
    {
        var result = await fixture.ExecuteAsync("{ books(first: 500) { nodes { isbn } } }");
        Assert.True(result.HasErrors);
        Assert.Equal(0, result.RequestSql.Count);
    }
}

/// <summary>The same tests on PostgreSQL.</summary>
public sealed class DiagnosticsTestsOnPostgreSql(PostgreSqlLibraryFixture fixture) : DiagnosticsTests(fixture), IClassFixture<PostgreSqlLibraryFixture>, IRunsOnPostgreSql;
