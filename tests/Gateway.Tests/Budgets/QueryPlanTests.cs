using System.Text.RegularExpressions;
using Gateway.EntityFramework.Relay;
using Gateway.Store;
using Gateway.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Tests.Budgets;

/// <summary>
/// The statements of the screens use the indexes made for them: SQLite's plan of the statement a screen ran (its
/// parameters bound to placeholders, which SQLite's plan does not depend on).
/// </summary>
public sealed partial class QueryPlanTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task A_product_pages_related_list_reads_the_best_rated_of_its_category_from_an_index_without_sorting()
    {
        var (_, sql) = await gateway.QueryWithSqlAsync(_client, GraphQLHttp.Screen("ProductPage"), new { id = GlobalId.Encode("Product", 1) });

        var related = Assert.Single(sql, statement => statement.Contains("\"ReviewCount\" = 0,", StringComparison.Ordinal)
            && statement.Contains("ORDER BY", StringComparison.Ordinal) && statement.Contains("LIMIT", StringComparison.Ordinal));
        var plan = await PlanAsync(related);

        Assert.Contains("USING INDEX IX_Products_CategoryId_Rating", plan, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", plan, StringComparison.Ordinal);
    }

    private async Task<string> PlanAsync(string statement)
    {
        await using var db = await gateway.Services.GetRequiredService<IDbContextFactory<StoreDbContext>>().CreateDbContextAsync();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in ParameterName().Matches(statement).Select(m => m.Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = name;
            parameter.Value = 1;
            command.Parameters.Add(parameter);
        }

        var plan = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            plan.Add(reader.GetString(3));
        }

        return string.Join("\n", plan);
    }

    [GeneratedRegex(@"@\w+")]
    private static partial Regex ParameterName();
}
