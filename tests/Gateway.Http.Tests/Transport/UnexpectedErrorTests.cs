using System.Net;
using Gateway.Http.Tests.Support;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.Tests.Transport;

public sealed class UnexpectedErrorTests
{
    [Fact]
    public async Task An_exception_reaches_the_client_as_a_generic_error_with_the_trace_id_and_is_logged()
    {
        await using var server = await GraphQLTestServer.StartAsync(environment: "Production");

        using var response = await server.PostAsync(new { query = "{ hello fail }" }, "application/graphql-response+json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var text = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("InvalidOperation", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", text);

        var body = System.Text.Json.Nodes.JsonNode.Parse(text)!;
        Assert.Equal("Hello, world!", (string?)body["data"]!["hello"]);
        var error = body["errors"]![0]!;
        Assert.Equal("Unexpected Execution Error", (string?)error["message"]);
        Assert.Equal("fail", (string?)error["path"]![0]);
        Assert.NotNull(error["locations"]);
        Assert.Equal("UNEXPECTED_EXECUTION_ERROR", (string?)error["extensions"]!["code"]);
        var traceId = (string?)error["extensions"]!["traceId"];
        Assert.False(string.IsNullOrEmpty(traceId));
        Assert.Null(error["extensions"]!["exception"]);

        var entry = Assert.Single(server.Logs.Entries, entry => entry.Level == LogLevel.Error);
        Assert.IsType<InvalidOperationException>(entry.Exception);
        Assert.Equal(traceId, entry.State["TraceId"]);
        Assert.Equal("fail", entry.State["FieldPath"]);
    }

    [Fact]
    public async Task Development_exposes_the_exception_details()
    {
        await using var server = await GraphQLTestServer.StartAsync(environment: "Development");

        using var response = await server.PostAsync(new { query = "{ fail }" });

        var error = (await response.JsonAsync())["errors"]![0]!;
        Assert.Equal("Unexpected Execution Error", (string?)error["message"]);
        Assert.Contains("hunter2", (string?)error["extensions"]!["exception"]!["message"]);
        Assert.Contains("TestQuery", (string?)error["extensions"]!["exception"]!["stackTrace"]);
    }

    [Fact]
    public async Task The_option_overrides_the_environment()
    {
        await using var server = await GraphQLTestServer.StartAsync(options => options.ExposeExceptionDetails = false, environment: "Development");

        using var response = await server.PostAsync(new { query = "{ fail }" });

        Assert.DoesNotContain("hunter2", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_host_hook_can_turn_an_exception_into_an_error_for_the_client()
    {
        await using var server = await GraphQLTestServer.StartAsync(services: services =>
            services.ConfigureGraphQLHttpExecution((options, _) => options.UnhandledExceptionDelegate = context =>
            {
                context.Exception = new GraphQL.ExecutionError("Mapped by the host.") { Code = "MAPPED" };
                return Task.CompletedTask;
            }));

        using var response = await server.PostAsync(new { query = "{ fail }" });

        var error = (await response.JsonAsync())["errors"]![0]!;
        Assert.Equal("Mapped by the host.", (string?)error["message"]);
        Assert.Equal("MAPPED", (string?)error["extensions"]!["code"]);
        Assert.DoesNotContain(server.Logs.Entries, entry => entry.Level >= LogLevel.Error);
    }
}
