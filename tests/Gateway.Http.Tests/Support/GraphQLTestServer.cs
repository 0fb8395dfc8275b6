using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.Tests.Support;

/// <summary>
/// The transport on real Kestrel at 127.0.0.1 on a free port, serving <see cref="TestSchema"/>. A test that
/// needs other options, services or configuration starts its own; most share <see cref="DefaultServerFixture"/>.
/// </summary>
public sealed class GraphQLTestServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private GraphQLTestServer(WebApplication app, Uri baseAddress, CapturingLoggerProvider logs)
    {
        _app = app;
        BaseAddress = baseAddress;
        Logs = logs;
        Client = new HttpClient { BaseAddress = baseAddress };
    }

    public Uri BaseAddress { get; }

    public Uri GraphQLEndpoint => new(BaseAddress, "/graphql");

    public HttpClient Client { get; }

    public CapturingLoggerProvider Logs { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<GraphQLTestServer> StartAsync(
        Action<GraphQLHttpOptions>? configure = null,
        Action<IServiceCollection>? services = null,
        IDictionary<string, string?>? configuration = null,
        string environment = "Production",
        bool asMiddleware = false,
        Action<WebApplication>? endpoints = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            EnvironmentName = environment,
            ContentRootPath = AppContext.BaseDirectory,
        });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Configuration.AddInMemoryCollection(configuration ?? new Dictionary<string, string?>());
        var logs = new CapturingLoggerProvider();
        builder.Logging.ClearProviders().AddProvider(logs);

        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TestSchema>().AddSystemTextJson());
        builder.Services.AddSingleton<Counter>();
        builder.Services.AddSingleton<CancellationProbe>();
        builder.Services.AddScoped<RequestScopeMarker>();
        builder.Services.AddGraphQLHttp(configure);
        services?.Invoke(builder.Services);

        var app = builder.Build();
        // Stands in for authentication: the X-User header names the signed-in user.
        app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-User", out var user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "Test"));
            }

            return next(context);
        });
        if (asMiddleware)
        {
            app.UseGraphQLHttp();
        }
        else
        {
            app.MapGraphQLHttp();
        }

        endpoints?.Invoke(app);
        await app.StartAsync();

        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new GraphQLTestServer(app, new Uri(address), logs);
    }

    /// <summary>POSTs <paramref name="body"/> (serialized unless it is already a string) to the endpoint.</summary>
    public Task<HttpResponseMessage> PostAsync(object body, string? accept = null, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body as string ?? JsonSerializer.Serialize(body), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return Client.SendAsync(request);
    }

    public Task<HttpResponseMessage> GetAsync(string pathAndQuery, string? accept = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, pathAndQuery);
        if (accept is not null)
        {
            request.Headers.TryAddWithoutValidation("Accept", accept);
        }

        return Client.SendAsync(request);
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One server with default options for the tests that need nothing else.</summary>
public sealed class DefaultServerFixture : IAsyncLifetime
{
    public GraphQLTestServer Server { get; private set; } = null!;

    // Introspection on, as in Development: the IDE tests need it, and the edge tests start servers of their own.
    public async Task InitializeAsync() =>
        Server = await GraphQLTestServer.StartAsync(configuration: new Dictionary<string, string?> { ["GraphQL:Introspection:Enabled"] = "true" });

    public async Task DisposeAsync() => await Server.DisposeAsync();
}

public static class HttpResponseExtensions
{
    public static async Task<JsonNode> JsonAsync(this HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())
        ?? throw new InvalidOperationException("The response body is JSON null.");

    public static string? MediaType(this HttpResponseMessage response) => response.Content.Headers.ContentType?.MediaType;
}
