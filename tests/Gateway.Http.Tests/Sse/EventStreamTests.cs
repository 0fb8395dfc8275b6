using Gateway.Testing;
using System.Net;
using System.Security.Claims;
using System.Text;
using CapturingLoggerProvider = Gateway.Http.Tests.Support.CapturingLoggerProvider;
using Gateway.Http.Tests.WebSockets.Infrastructure;
using Gateway.Messaging;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Http.Tests.Sse;

/// <summary>GraphQL over Server-Sent Events (graphql-sse, distinct connections) on the HTTP endpoint.</summary>
public sealed class EventStreamTests : IAsyncLifetime
{
    private WebApplication _app = null!;
    private HttpClient _client = null!;
    private InMemoryTopicEventBus _bus = null!;
    private readonly CapturingLoggerProvider _logs = new();

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        builder.Logging.ClearProviders().AddProvider(_logs);
        builder.Services.AddSingleton<TestQuery>();
        builder.Services.AddSingleton<TestMutation>();
        builder.Services.AddSingleton<TestSubscription>();
        builder.Services.AddSingleton<PostType>();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddGraphQL(graphQL => graphQL.AddSchema<TestSchema>().AddSystemTextJson());
        builder.Services.AddInMemoryEventBus();
        builder.Services.AddGraphQLHttp();
        // A small pending-event bound for the slow-client test; the others never have more than two events in flight.
        builder.Services.AddGraphQLServerSentEvents(options =>
        {
            options.KeepAliveInterval = TimeSpan.FromMilliseconds(200);
            options.MaxPendingEvents = 4;
        });
        builder.Services.AddGraphQLResponseCompression();

        _app = builder.Build();
        // Stands in for authentication: the X-User header names the signed-in user.
        _app.Use((context, next) =>
        {
            if (context.Request.Headers.TryGetValue("X-User", out var user))
            {
                context.User = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, user.ToString())], "Test"));
            }

            return next(context);
        });
        _app.MapGraphQLHttp();
        await _app.StartAsync();
        var address = _app.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        _client = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
        _bus = _app.Services.GetRequiredService<InMemoryTopicEventBus>();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private static CancellationToken Within(int seconds = 10) => new CancellationTokenSource(TimeSpan.FromSeconds(seconds)).Token;

    [Fact]
    public async Task A_query_is_one_next_event_then_complete_uncompressed()
    {
        await using var stream = await EventStreamClient.OpenAsync(_client, new { query = "{ hello }" }, acceptEncoding: "gzip, br");

        var next = await stream.ReadEventAsync(Within());
        var complete = await stream.ReadEventAsync(Within());

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.Equal("text/event-stream", stream.Response.Content.Headers.ContentType?.MediaType);
        Assert.Empty(stream.Response.Content.Headers.ContentEncoding);
        Assert.Equal("next", next?.Event);
        Assert.Equal("world", (string?)next?.Data?["data"]?["hello"]);
        Assert.Equal("complete", complete?.Event);
        Assert.Null(await stream.ReadEventAsync(Within()));
    }

    [Fact]
    public async Task A_subscription_streams_each_event_as_the_signed_in_caller_with_keep_alives_between()
    {
        await using var stream = await EventStreamClient.OpenAsync(_client, new { query = "subscription { onPost { text seenBy } }" }, user: "ada");
        Assert.True(await Eventually.TrueAsync(() => _bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(10)));
        await Task.Delay(500);

        await _bus.PublishAsync(TestSchema.PostsTopic, new Post(1, "first", null));
        var first = await stream.ReadEventAsync(Within());
        await _bus.PublishAsync(TestSchema.PostsTopic, new Post(2, "second", null));
        var second = await stream.ReadEventAsync(Within());

        Assert.Equal("first", (string?)first?.Data?["data"]?["onPost"]?["text"]);
        Assert.Equal("ada", (string?)first?.Data?["data"]?["onPost"]?["seenBy"]);
        Assert.Equal("second", (string?)second?.Data?["data"]?["onPost"]?["text"]);
        Assert.True(stream.KeepAlives >= 1, "no keep-alive comment while the stream was idle");
    }

    [Fact]
    public async Task A_finite_stream_ends_with_complete()
    {
        await using var stream = await EventStreamClient.OpenAsync(_client, new { query = "subscription { finiteStream { text } }" });

        var next = await stream.ReadEventAsync(Within());
        var complete = await stream.ReadEventAsync(Within());

        Assert.Equal("only", (string?)next?.Data?["data"]?["finiteStream"]?["text"]);
        Assert.Equal("complete", complete?.Event);
    }

    [Fact]
    public async Task Closing_the_stream_unsubscribes()
    {
        var stream = await EventStreamClient.OpenAsync(_client, new { query = "subscription { onPost { text } }" });
        Assert.True(await Eventually.TrueAsync(() => _bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(10)));

        await stream.DisposeAsync();

        Assert.True(await Eventually.TrueAsync(() => _bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_client_that_falls_behind_the_pending_bound_has_its_stream_ended_and_unsubscribed()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var stream = await EventStreamClient.OpenAsync(_client, new { query = "subscription { onPost { id text } }" }, cancellationToken: cts.Token);
        Assert.True(await Eventually.TrueAsync(() => _bus.SubscriberCount(TestSchema.PostsTopic) == 1, TimeSpan.FromSeconds(10)));

        // ~40 MB of events while the client reads nothing: more than the socket buffers absorb, so the writer blocks and
        // more than 4 results wait for it. The warning says the stream gave up; only then does the client read again.
        var text = new string('x', 64 * 1024);
        const int Published = 600;
        for (var id = 1; id <= Published; id++)
        {
            await _bus.PublishAsync(TestSchema.PostsTopic, new Post(id, text, null), cts.Token);
        }

        Assert.True(await Eventually.TrueAsync(() => _logs.Entries.Any(e => e.Message.Contains("fell 4 events behind")), TimeSpan.FromSeconds(20)),
            "the stream never reported the client as too slow");
        var ids = new List<int>();
        (string Event, System.Text.Json.Nodes.JsonNode? Data)? last = null;
        while (await stream.ReadEventAsync(cts.Token) is { } received)
        {
            last = received;
            ids.Add((int)received.Data!["data"]!["onPost"]!["id"]!);
        }

        // What was written arrives, in order and without gaps, then the response ends: no 'complete' (the client did
        // not get everything; graphql-sse retries a stream that ends without it), no reset, and the subscription is gone.
        Assert.Equal("next", last?.Event);
        Assert.InRange(ids.Count, 1, Published - 1);
        Assert.Equal(Enumerable.Range(1, ids.Count), ids);
        Assert.True(await Eventually.TrueAsync(() => _bus.SubscriberCount(TestSchema.PostsTopic) == 0, TimeSpan.FromSeconds(10)));
        await stream.DisposeAsync();
    }

    [Fact]
    public async Task A_validation_error_is_a_next_event_inside_the_accepted_stream()
    {
        await using var stream = await EventStreamClient.OpenAsync(_client, new { query = "subscription { noSuchField }" });

        var next = await stream.ReadEventAsync(Within());
        var complete = await stream.ReadEventAsync(Within());

        Assert.Equal(HttpStatusCode.OK, stream.Response.StatusCode);
        Assert.NotNull(next?.Data?["errors"]?[0]?["message"]);
        Assert.Equal("complete", complete?.Event);
    }

    [Fact]
    public async Task A_malformed_request_is_refused_before_any_stream()
    {
        await using var notJson = await EventStreamClient.OpenAsync(_client, "{ not json");
        await using var batch = await EventStreamClient.OpenAsync(_client, """[{"query":"{ hello }"}]""");

        Assert.Equal(HttpStatusCode.BadRequest, notJson.Response.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, batch.Response.StatusCode);
        Assert.Equal("application/json", batch.Response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task A_query_streams_over_get_too()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/graphql?query=%7B%20hello%20%7D");
        request.Headers.Add("Accept", "text/event-stream");

        using var response = await _client.SendAsync(request);
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal("event: next\ndata: {\"data\":{\"hello\":\"world\"}}\n\nevent: complete\ndata: \n\n", body);
    }
}
