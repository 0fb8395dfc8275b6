using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.Http.Json;
using System.Text;
using Gateway.Store;
using Gateway.Testing;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Gateway.Tests.Diagnostics;

/// <summary>
/// A gateway process with <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set (OTLP over HTTP with protobuf) sends the spans of a
/// GraphQL request to the collector: a fake OTLP/HTTP receiver on 127.0.0.1 that keeps what is posted to it.
/// Run alone, after the parallel classes: in two of three full-suite runs in parallel (a loaded machine) the request's spans never
/// reached the receiver (start-up's did), for a reason not found; run alone it has always passed.
/// </summary>
[Collection(Name)]
public sealed class OtlpExportTests
{
    public const string Name = "OTLP export, alone";

    [Fact]
    public async Task A_graphql_request_is_exported_as_a_post_to_v1_traces()
    {
        await using var collector = await FakeOtlpCollector.StartAsync();
        var directory = Path.Combine(Path.GetTempPath(), "gateway-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        await using var gateway = await GatewayProcess.StartAsync(StoreProvider.Sqlite, $"Data Source={Path.Combine(directory, "store.db")}",
            settings:
            [
                new("OTEL_EXPORTER_OTLP_ENDPOINT", collector.Endpoint),
                new("OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf"),
                new("OTEL_BSP_SCHEDULE_DELAY", "200"), // spans leave in batches: every 200 ms rather than 5 s
                // A batch whose export outlasts the timeout (10 s by default) is dropped: on a machine loaded with the
                // rest of the suite the receiver, in this process, can be that slow to answer.
                new("OTEL_EXPORTER_OTLP_TIMEOUT", "60000"),
            ]);
        // A name no other request carries: protobuf keeps strings as UTF-8, so it is found in the export's bytes.
        const string operation = "OtlpExportProbe";
        // No traceparent header: where another test's listener is active in this process, the client's own activity
        // would be propagated unsampled, and the gateway rightly follows its parent's decision and records nothing.
        using var http = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = DistributedContextPropagator.CreateNoOutputPropagator() })
        {
            BaseAddress = gateway.BaseAddress,
            Timeout = TimeSpan.FromSeconds(30),
        };

        using var response = await http.PostAsJsonAsync("/graphql", new { query = $"query {operation} {{ categories {{ id }} }}" });
        response.EnsureSuccessStatusCode();

        var probe = Encoding.UTF8.GetBytes(operation);
        Assert.True(await Eventually.TrueAsync(() => collector.Posts("/v1/traces").Any(body => body.AsSpan().IndexOf(probe) >= 0), TimeSpan.FromSeconds(90)),
            $"No span of {operation} reached /v1/traces; posts: {collector.Summary}\n{gateway.Output}");
        Assert.All(collector.Posts("/v1/traces"), body => Assert.NotEmpty(body));
        Assert.All(collector.ContentTypes, type => Assert.Equal("application/x-protobuf", type));
    }

    /// <summary>Answers every OTLP/HTTP export with 200 and an empty (protobuf) response, keeping each body by path.</summary>
    private sealed class FakeOtlpCollector : IAsyncDisposable
    {
        private readonly WebApplication _app;
        private readonly ConcurrentQueue<(string Path, string? ContentType, byte[] Body)> _posts = new();

        private FakeOtlpCollector(WebApplication app) => _app = app;

        public string Endpoint { get; private set; } = "";

        public IEnumerable<byte[]> Posts(string path) => _posts.Where(p => p.Path == path).Select(p => p.Body);

        public IEnumerable<string?> ContentTypes => _posts.Select(p => p.ContentType);

        /// <summary>Each post's path and size, and the readable strings of the traces (span names, attribute keys and values).</summary>
        public string Summary => string.Join("\n", _posts.Select(p => $"{p.Path} ({p.Body.Length} bytes)" + (p.Path == "/v1/traces"
            ? ": " + string.Join(' ', System.Text.RegularExpressions.Regex.Matches(Encoding.UTF8.GetString(p.Body), "[ -~]{6,}").Select(m => m.Value).Distinct())
            : "")));

        public static async Task<FakeOtlpCollector> StartAsync()
        {
            var builder = WebApplication.CreateSlimBuilder();
            builder.WebHost.UseUrls("http://127.0.0.1:0");
            builder.Logging.ClearProviders();
            var app = builder.Build();
            var collector = new FakeOtlpCollector(app);
            app.MapPost("/v1/{signal}", async (HttpContext context) =>
            {
                using var body = new MemoryStream();
                await context.Request.Body.CopyToAsync(body);
                collector._posts.Enqueue((context.Request.Path, context.Request.ContentType, body.ToArray()));
                context.Response.ContentType = "application/x-protobuf";
            });
            await app.StartAsync();
            collector.Endpoint = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            return collector;
        }

        public async ValueTask DisposeAsync() => await _app.DisposeAsync();
    }
}

[CollectionDefinition(OtlpExportTests.Name, DisableParallelization = true)]
public sealed class OtlpExportCollection;
