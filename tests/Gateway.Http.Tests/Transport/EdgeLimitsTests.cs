using System.Net;
using System.Text.Json.Nodes;
using Gateway.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.Transport;

/// <summary>The transport's edge limits on its own small schema: timeout, error cap, parser limits, bad JSON values.</summary>
public sealed class EdgeLimitsTests
{
    private const string GraphQLResponse = "application/graphql-response+json";

    [Fact]
    public async Task A_query_over_the_timeout_is_cancelled_and_answered_with_a_code()
    {
        // Long enough that a loaded machine still reaches the resolver before it expires.
        await using var server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { ["GraphQL:Execution:Timeout"] = "00:00:02" });
        var probe = server.Services.GetRequiredService<CancellationProbe>();

        var call = server.PostAsync(new { query = "{ slow }" }, GraphQLResponse);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        using var response = await call.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;
        Assert.Equal("TIMEOUT", (string?)error["extensions"]!["code"]);
    }

    [Fact]
    public async Task At_most_20_errors_are_sent_and_one_more_says_how_many_were_left_out()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var query = "query(" + string.Concat(Enumerable.Range(0, 500).Select(i => $"$v{i}: Int ")) + ") { hello }";

        using var response = await server.PostAsync(new { query }, GraphQLResponse);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray();

        Assert.Equal(21, errors.Count);
        Assert.Equal("ERRORS_OMITTED", (string?)errors[20]!["extensions"]!["code"]);
        Assert.Equal(480, (int)errors[20]!["extensions"]!["omitted"]!);
    }

    [Fact]
    public async Task A_batch_shares_one_budget_of_20_errors_and_each_entry_keeps_its_first()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var query = "query(" + string.Concat(Enumerable.Range(0, 30).Select(i => $"$v{i}: Int ")) + ") { hello }";
        var batch = Enumerable.Repeat(new { query }, 10).ToArray();

        using var response = await server.PostAsync(batch, GraphQLResponse);
        var results = JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsArray();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var errors = results.SelectMany(result => result!["errors"]!.AsArray()).ToList();
        Assert.Equal(21, errors.Count);
        Assert.All(results, result => Assert.NotEmpty(result!["errors"]!.AsArray()));
        Assert.Equal(12, results[0]!["errors"]!.AsArray().Count); // its first, the 10 left after every entry's first, and the summary
        var summary = Assert.Single(errors, error => (string?)error!["extensions"]!["code"] == "ERRORS_OMITTED");
        Assert.Equal(10 * 30 - 20, (int)summary!["extensions"]!["omitted"]!);
    }

    [Theory]
    [InlineData("{ hello(name: " + "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[" + ") }", "MAX_PARSER_DEPTH_EXCEEDED")]
    [InlineData("{ a: hello b: hello c: hello }", null)]
    public async Task Parser_limits_answer_400_never_500(string query, string? code)
    {
        await using var server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { ["GraphQL:Limits:MaxAliases"] = "2" });

        using var response = await server.PostAsync(new { query }, GraphQLResponse);
        var error = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]![0]!;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(code ?? "MAX_ALIASES_EXCEEDED", (string?)error["extensions"]!["code"]);
    }

    [Theory]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":{\"a\":\"\\ud800\"}}")]
    [InlineData("{\"query\":\"{ hello }\",\"variables\":{\"a\":1,\"a\":2}}")]
    [InlineData("{\"query\":\"{ hello }\",\"operationName\":\"\\udc00\"}")]
    public async Task Unreadable_values_are_a_400_with_a_code(string body)
    {
        await using var server = await GraphQLTestServer.StartAsync();

        using var response = await server.PostAsync(body, GraphQLResponse);
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("INVALID_JSON", (string?)JsonNode.Parse(text)!["errors"]![0]!["extensions"]!["code"]);
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("GraphQL:Cost:MaxFieldCost", "0")]
    [InlineData("GraphQL:Limits:MaxErrors", "0")]
    [InlineData("GraphQL:RateLimit:PointsPerMinute", "-5")]
    public async Task A_setting_that_would_switch_a_protection_off_stops_the_start(string key, string value)
    {
        var failure = await Record.ExceptionAsync(() => GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { [key] = value }));

        Assert.Contains(key, Assert.IsType<Microsoft.Extensions.Options.OptionsValidationException>(failure).Message);
    }

    [Fact]
    public async Task With_introspection_off_a_browser_is_told_why_instead_of_an_ide_without_a_schema()
    {
        await using var server = await GraphQLTestServer.StartAsync();

        using var response = await server.GetAsync("/graphql", "text/html");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Introspection is disabled on this server", html);
        Assert.Contains("GraphQL:Introspection:Enabled", html);
    }
}
