using System.Net;
using GraphQL.Execution;
using Gateway.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.Transport;

public sealed class DocumentCacheTests
{
    [Fact]
    public async Task A_repeated_query_skips_parsing_and_validation()
    {
        var (parser, rule) = (new CountingDocumentBuilder(), new CountingValidationRule());
        await using var server = await StartCountingServerAsync(parser, rule, cacheSize: 10);

        using var first = await server.PostAsync(new { query = "query ($n: String) { hello(name: $n) }", variables = new { n = "a" } });
        using var second = await server.PostAsync(new { query = "query ($n: String) { hello(name: $n) }", variables = new { n = "b" } });

        Assert.Equal("Hello, a!", (string?)(await first.JsonAsync())["data"]!["hello"]);
        Assert.Equal("Hello, b!", (string?)(await second.JsonAsync())["data"]!["hello"]);
        Assert.Equal(1, parser.Count);
        Assert.Equal(1, rule.Count);
    }

    [Fact]
    public async Task A_cached_document_still_coerces_its_variables()
    {
        await using var server = await StartCountingServerAsync(new CountingDocumentBuilder(), new CountingValidationRule(), cacheSize: 10);
        const string query = "query ($a: Int!) { add(a: $a, b: 1) }";

        using var valid = await server.PostAsync(new { query, variables = new { a = 1 } });
        using var invalid = await server.PostAsync(new { query, variables = new { a = "one" } }, "application/graphql-response+json");

        Assert.Equal(2, (int?)(await valid.JsonAsync())["data"]!["add"]);
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
    }

    [Fact]
    public async Task Invalid_documents_are_not_cached()
    {
        var (parser, rule) = (new CountingDocumentBuilder(), new CountingValidationRule());
        await using var server = await StartCountingServerAsync(parser, rule, cacheSize: 10);

        (await server.PostAsync(new { query = "{ noSuchField }" })).Dispose();
        (await server.PostAsync(new { query = "{ noSuchField }" })).Dispose();

        Assert.Equal(2, parser.Count);
        Assert.Equal(2, rule.Count);
    }

    [Fact]
    public async Task A_cache_size_of_zero_parses_and_validates_every_request()
    {
        var (parser, rule) = (new CountingDocumentBuilder(), new CountingValidationRule());
        await using var server = await StartCountingServerAsync(parser, rule, cacheSize: 0);

        (await server.PostAsync(new { query = "{ hello }" })).Dispose();
        (await server.PostAsync(new { query = "{ hello }" })).Dispose();

        Assert.Equal(2, parser.Count);
        Assert.Equal(2, rule.Count);
    }

    [Fact]
    public async Task The_cache_is_bounded_and_drops_the_least_recently_used_document()
    {
        var (parser, rule) = (new CountingDocumentBuilder(), new CountingValidationRule());
        await using var server = await StartCountingServerAsync(parser, rule, cacheSize: 2);

        foreach (var query in new[] { "{ a: hello }", "{ b: hello }", "{ a: hello }", "{ c: hello }", "{ a: hello }", "{ b: hello }" })
        {
            (await server.PostAsync(new { query })).Dispose();
        }

        // a, b parsed; a hit; c parsed and drops b (a was used more recently); a hit; b parsed again.
        Assert.Equal(4, parser.Count);
    }

    private static Task<GraphQLTestServer> StartCountingServerAsync(CountingDocumentBuilder parser, CountingValidationRule rule, int cacheSize) =>
        GraphQLTestServer.StartAsync(
            options => options.DocumentCacheSize = cacheSize,
            services =>
            {
                services.AddSingleton<IDocumentBuilder>(parser);
                services.ConfigureGraphQLHttpExecution((options, _) =>
                    options.ValidationRules = [.. GraphQL.Validation.DocumentValidator.CoreRules, rule]);
            });
}
