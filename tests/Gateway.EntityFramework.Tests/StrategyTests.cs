namespace Gateway.EntityFramework.Tests;

/// <summary>The library with references inside nested pages navigated, as on providers with LATERAL/APPLY.</summary>
public sealed class NavigationStrategyFixture : LibraryFixture
{
    protected override void Configure(EntityFrameworkOptions options)
    {
        base.Configure(options);
        options.NestedPageStrategy = NestedPageStrategy.Navigation;
    }
}

public sealed class StrategyTests(LibraryFixture sqliteDefault, NavigationStrategyFixture navigation)
    : IClassFixture<LibraryFixture>, IClassFixture<NavigationStrategyFixture>
{
    private const string ReferenceInNestedPage = "{ books(first: 2, order: [{ id: ASC }]) { nodes { reviews(first: 1) { nodes { reviewer { name } } } } } }";

    [Fact]
    public async Task Auto_on_sqlite_projects_references_in_nested_pages_as_correlated_subqueries()
    {
        var result = (await sqliteDefault.ExecuteAsync(ReferenceInNestedPage)).AssertNoErrors();
        var sql = Assert.Single(result.Sql.Statements);
        Assert.Contains("WHERE \"a\".\"Id\" = \"r\".\"ReviewerId\"", sql);
    }

    [Fact]
    public async Task Navigation_strategy_navigates_which_sqlite_refuses_as_a_field_error_not_a_server_error()
    {
        var result = await navigation.ExecuteAsync(ReferenceInNestedPage);
        Assert.True(result.HasErrors);
        Assert.Contains("APPLY", result.Json.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, result.Data.GetProperty("books").ValueKind);
    }
}

/// <summary>Auto on PostgreSQL: the navigation path (LATERAL joins) that SQLite cannot take, with the same answer.</summary>
public sealed class PostgreSqlStrategyTests(LibraryFixture sqliteDefault, PostgreSqlLibraryFixture postgreSql)
    : IClassFixture<LibraryFixture>, IClassFixture<PostgreSqlLibraryFixture>, Gateway.Testing.PostgreSql.IRunsOnPostgreSql
{
    private const string ReferenceInNestedPage = "{ books(first: 2, order: [{ id: ASC }]) { nodes { reviews(first: 1) { nodes { reviewer { name } } } } } }";

    [Gateway.Testing.PostgreSql.StoreFact]
    public async Task Auto_on_postgresql_navigates_references_in_nested_pages_in_one_lateral_statement_with_sqlites_answer()
    {
        var result = (await postgreSql.ExecuteAsync(ReferenceInNestedPage)).AssertNoErrors();
        var sql = Assert.Single(result.Sql.Statements);
        Assert.Contains("JOIN LATERAL", sql);
        Assert.DoesNotContain("WHERE a.\"Id\" = r.\"ReviewerId\"", sql);
        var sqlite = (await sqliteDefault.ExecuteAsync(ReferenceInNestedPage)).AssertNoErrors();
        Assert.Equal(sqlite.Data.ToString(), result.Data.ToString());
    }
}
