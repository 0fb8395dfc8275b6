using System.Net;
using Gateway.Http.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Http.Tests.Transport;

/// <summary>What the transport hands to execution: the user, the request services, the hook, the abort token.</summary>
public sealed class ExecutionContextTests
{
    [Fact]
    public async Task The_request_user_is_the_execution_user()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ whoami }" }),
        };
        request.Headers.Add("X-User", "alice");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal("alice", (string?)(await response.JsonAsync())["data"]!["whoami"]);
    }

    [Fact]
    public async Task Host_hooks_contribute_to_the_execution_options()
    {
        await using var server = await GraphQLTestServer.StartAsync(services: services =>
            services.ConfigureGraphQLHttpExecution((options, http) =>
                options.UserContext["tenant"] = http.Request.Headers["X-Tenant"].ToString()));
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = "{ tenant }" }),
        };
        request.Headers.Add("X-Tenant", "acme");

        using var response = await server.Client.SendAsync(request);

        Assert.Equal("acme", (string?)(await response.JsonAsync())["data"]!["tenant"]);
    }

    [Fact]
    public async Task Aborting_the_request_cancels_execution()
    {
        await using var server = await GraphQLTestServer.StartAsync();
        var probe = server.Services.GetRequiredService<CancellationProbe>();
        using var abort = new CancellationTokenSource();

        var call = server.PostAsync(new { query = "{ slow }" }).WaitAsync(abort.Token);
        await probe.Started.Task.WaitAsync(TimeSpan.FromSeconds(10));
        var client = server.Client;
        client.CancelPendingRequests();

        await probe.Cancelled.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
    }

    [Fact]
    public async Task Options_are_bound_from_the_graphql_http_configuration_section()
    {
        await using var server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?>
        {
            ["GraphQL:Http:Path"] = "/api/graphql",
            ["GraphQL:Http:MaxBatchSize"] = "1",
        });

        using var moved = await server.PostAsync(new { query = "{ hello }" });
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new object[] { new { query = "{ hello }" }, new { query = "{ hello }" } }),
        };
        using var batch = await server.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.NotFound, moved.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, batch.StatusCode);
        Assert.Equal("BATCH_SIZE_EXCEEDED", (string?)(await batch.JsonAsync())["errors"]![0]!["extensions"]!["code"]);
    }

    [Fact]
    public async Task The_transport_also_runs_as_middleware_and_passes_other_paths_on()
    {
        await using var server = await GraphQLTestServer.StartAsync(
            asMiddleware: true, configuration: new Dictionary<string, string?> { ["GraphQL:Introspection:Enabled"] = "true" });

        using var graphQL = await server.PostAsync(new { query = "{ hello }" });
        using var sdl = await server.GetAsync("/graphql?sdl");
        using var other = await server.GetAsync("/graphqlx");

        Assert.Equal("Hello, world!", (string?)(await graphQL.JsonAsync())["data"]!["hello"]);
        Assert.Equal(HttpStatusCode.OK, sdl.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Fact]
    public async Task Invalid_options_fail_at_start()
    {
        var start = () => GraphQLTestServer.StartAsync(options => options.Path = "graphql");

        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(start);
        Assert.Contains("Path", error.Message);
    }
}
