using System.Net;
using Gateway.Http.WebSockets;
using Gateway.Messaging;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.Tests.WebSockets.Infrastructure;

/// <summary>A real Kestrel server on 127.0.0.1 and a free port, serving <see cref="TestSchema"/> over WebSockets.</summary>
public sealed class WebSocketTestServer : IAsyncDisposable
{
    public const string FallThroughBody = "reached the next middleware";

    private readonly WebApplication _app;

    private WebSocketTestServer(WebApplication app, Uri httpUri)
    {
        _app = app;
        HttpUri = httpUri;
        WebSocketUri = new UriBuilder(httpUri) { Scheme = "ws", Path = "/graphql" }.Uri;
        Bus = app.Services.GetRequiredService<InMemoryTopicEventBus>();
    }

    public Uri HttpUri { get; }

    public Uri WebSocketUri { get; }

    public InMemoryTopicEventBus Bus { get; }

    public IServiceProvider Services => _app.Services;

    public static async Task<WebSocketTestServer> StartAsync(
        Action<GraphQLWebSocketOptions>? configure = null,
        bool useTokenAuthenticator = true,
        CancellationToken cancellationToken = default,
        Action<GraphQL.DI.IGraphQLBuilder>? configureGraphQL = null,
        Action<IServiceCollection>? services = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders();
        if (Environment.GetEnvironmentVariable("WS_TEST_LOG") == "1") builder.Logging.AddConsole();
        builder.Services.Configure<Microsoft.Extensions.Hosting.HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(5));

        builder.Services.AddSingleton<TestQuery>();
        builder.Services.AddSingleton<TestMutation>();
        builder.Services.AddSingleton<TestSubscription>();
        builder.Services.AddSingleton<PostType>();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddGraphQL(graphQL =>
        {
            graphQL.AddSchema<TestSchema>().AddSystemTextJson();
            configureGraphQL?.Invoke(graphQL);
        });
        builder.Services.AddInMemoryEventBus();
        if (useTokenAuthenticator)
        {
            builder.Services.AddSingleton<IWebSocketAuthenticator, TokenAuthenticator>();
        }

        builder.Services.AddGraphQLWebSockets(options =>
        {
            options.CloseTimeout = TimeSpan.FromSeconds(2);
            configure?.Invoke(options);
        });
        // The transports' one execution hook, here reaching WebSocket operations.
        builder.Services.ConfigureGraphQLHttpExecution((execution, httpContext) =>
            execution.UserContext["marker"] = httpContext.Request.Query["marker"].ToString());

        services?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseGraphQLWebSockets("/graphql");
        app.Run(context => context.Response.WriteAsync(FallThroughBody));
        await app.StartAsync(cancellationToken);

        var address = app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        return new WebSocketTestServer(app, new Uri(address));
    }

    public Task StopAsync(CancellationToken cancellationToken) => _app.StopAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        try
        {
            await _app.StopAsync(timeout.Token);
        }
        finally
        {
            await _app.DisposeAsync();
        }
    }
}
