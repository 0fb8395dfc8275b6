using System.Text.RegularExpressions;

namespace Gateway.Tests.Budgets;

/// <summary>The SQL reads only the columns the operation selected.</summary>
public sealed partial class ProjectionSqlTests(CountingGatewayFactory gateway) : IClassFixture<CountingGatewayFactory>
{
    private readonly HttpClient _client = gateway.CreateClient();

    [Fact]
    public async Task Selecting_only_product_names_reads_no_other_product_column()
    {
        var (data, sql) = await gateway.QueryWithSqlAsync(_client, "{ products(first: 10) { nodes { name } } }");

        Assert.Equal(10, data["products"]!["nodes"]!.AsArray().Count);
        var statement = Assert.Single(sql);
        // The key may be read (it orders the page); nothing else of the product may be.
        foreach (var column in new[] { "Description", "Sku", "Price", "Currency", "CreatedAt", "CategoryId" })
        {
            Assert.DoesNotContain($"\"{column}\"", statement, StringComparison.Ordinal);
        }
        var selected = SelectList().Match(statement);
        Assert.True(selected.Success, statement);
        Assert.Contains("\"Name\"", selected.Groups[1].Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Selecting_a_products_rating_count_reads_no_review_text()
    {
        var (_, sql) = await gateway.QueryWithSqlAsync(_client, "{ products(first: 10) { nodes { sku rating { count } } } }");

        var statement = Assert.Single(sql);
        foreach (var column in new[] { "Description", "Title", "Body", "Name" })
        {
            Assert.DoesNotContain($"\"{column}\"", statement, StringComparison.Ordinal);
        }
    }

    [GeneratedRegex(@"^\s*SELECT\s+(.*?)\s+FROM\s", RegexOptions.Singleline)]
    private static partial Regex SelectList();
}
