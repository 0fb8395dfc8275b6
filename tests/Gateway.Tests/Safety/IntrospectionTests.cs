using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Gateway.Tests.Infrastructure;

namespace Gateway.Tests.Safety;

/// <summary>Introspection answers in Development (bounded), is off in Production, and can be turned on there.</summary>
public sealed class IntrospectionTests(GatewayFactory development, EdgeGatewayFactory production) : IClassFixture<GatewayFactory>, IClassFixture<EdgeGatewayFactory>
{
    private const string TypeQuery = "{ __type(name: \"Product\") { name fields { name } } }";

    [Fact]
    public async Task Development_answers_introspection()
    {
        var result = await development.CreateClient().PostGraphQLAsync(TypeQuery);

        Assert.Equal("Product", (string?)result["data"]!["__type"]!["name"]);
    }

    [Fact]
    public async Task Production_refuses_it_plainly_but_keeps_typename()
    {
        using var client = production.CreateSocketClient();
        var refused = await client.PostGraphQLAsync(TypeQuery);
        var typename = await client.PostGraphQLAsync("{ __typename }");

        Assert.Equal("INTROSPECTION_DISABLED", (string?)refused["errors"]![0]!["extensions"]!["code"]);
        Assert.Contains("GraphQL:Introspection:Enabled", (string?)refused["errors"]![0]!["message"]);
        Assert.Equal("Query", (string?)typename["data"]!["__typename"]);
    }

    /// <summary>
    /// Cached documents skip the introspection rule (they passed it when cached): a refused one is never cached, and a
    /// cached one cannot smuggle introspection in, whether asked again or asked first and then with introspection.
    /// </summary>
    [Fact]
    public async Task Production_refuses_it_every_time_and_the_document_cache_never_lets_it_through()
    {
        using var client = production.CreateSocketClient();
        const string Plain = "query CachedThenIntrospected { categories { id } }";
        var first = await client.PostGraphQLAsync(Plain);
        var cached = await client.PostGraphQLAsync(Plain);
        var refusals = new List<JsonNode>();
        for (var i = 0; i < 3; i++)
        {
            refusals.Add(await client.PostGraphQLAsync(TypeQuery));
        }
        var withIntrospection = await client.PostGraphQLAsync("query CachedThenIntrospected { categories { id } __schema { queryType { name } } }");

        Assert.Null(first["errors"]);
        Assert.Equal(first.ToJsonString(), cached.ToJsonString());
        Assert.All(refusals, refused => Assert.Equal("INTROSPECTION_DISABLED", (string?)refused["errors"]![0]!["extensions"]!["code"]));
        Assert.Equal("INTROSPECTION_DISABLED", (string?)withIntrospection["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task Production_can_turn_it_on()
    {
        await using var enabled = new EnabledInProduction();
        var result = await enabled.CreateClient().PostGraphQLAsync(TypeQuery);

        Assert.Equal("Product", (string?)result["data"]!["__type"]!["name"]);
    }

    [Theory]
    [InlineData("{ __schema { types { fields { type { fields { name } } } } } }", "INTROSPECTION_TOO_DEEP")]
    [InlineData("{ __type(name: \"Node\") { possibleTypes { interfaces { possibleTypes { name } } } } }", "INTROSPECTION_TOO_DEEP")]
    [InlineData("{ __schema { types { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { ofType { name } } } } } } } } } } } } } } }", "MAX_EXECUTION_DEPTH_EXCEEDED")]
    public async Task Even_where_it_answers_its_depth_is_bounded(string query, string code)
    {
        var result = await development.CreateClient().PostGraphQLAsync(query);

        Assert.Null(result["data"]);
        Assert.Equal(code, (string?)result["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_standard_introspection_query_of_an_ide_fits()
    {
        var result = await development.CreateClient().PostGraphQLAsync(IntrospectionQuery);

        Assert.Null(result["errors"]);
        Assert.NotEmpty(result["data"]!["__schema"]!["types"]!.AsArray());
    }

    private sealed class EnabledInProduction : GatewayFactory
    {
        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
            [new("Auth:SigningKey", EdgeGatewayFactory.SigningKey), new("GraphQL:Introspection:Enabled", "true")];

        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            Microsoft.AspNetCore.Hosting.HostingAbstractionsWebHostBuilderExtensions.UseEnvironment(builder, "Production");
        }
    }

    /// <summary>graphql-js's getIntrospectionQuery() with its default TypeRef depth, as GraphiQL and most IDEs send it.</summary>
    private const string IntrospectionQuery = """
        query IntrospectionQuery {
          __schema {
            queryType { name } mutationType { name } subscriptionType { name }
            types { ...FullType }
            directives { name description locations args { ...InputValue } }
          }
        }
        fragment FullType on __Type {
          kind name description
          fields(includeDeprecated: true) { name description args { ...InputValue } type { ...TypeRef } isDeprecated deprecationReason }
          inputFields { ...InputValue }
          interfaces { ...TypeRef }
          enumValues(includeDeprecated: true) { name description isDeprecated deprecationReason }
          possibleTypes { ...TypeRef }
        }
        fragment InputValue on __InputValue { name description type { ...TypeRef } defaultValue }
        fragment TypeRef on __Type {
          kind name
          ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name ofType { kind name } } } } } } }
        }
        """;
}
