using System.Diagnostics;
using Gateway.EntityFramework.Diagnostics;
using Gateway.Http.Telemetry;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Diagnostics;

public sealed class TelemetryTests(TelemetryTests.TracedGateway gateway) : IClassFixture<TelemetryTests.TracedGateway>
{
    [Fact]
    public async Task A_graphql_operation_is_a_span_with_its_document_sql_count_and_error_codes_and_ef_spans_beneath()
    {
        var client = gateway.CreateClient();
        // Span listeners are process-wide and other test classes run screens meanwhile: names unique to this test.
        var document = GraphQLHttp.Screen("CatalogPage").Replace("query CatalogPage", "query TracedCatalogPage", StringComparison.Ordinal);
        await client.PostGraphQLAsync(document, new { slug = "headphones", maxPrice = 250, first = 5 });
        await client.PostGraphQLAsync("query TracedBroken { products(first: 500) { nodes { id } } }");

        var spans = gateway.FinishedSpans();
        var catalog = Assert.Single(spans, s => s.Source.Name == GraphQLOperationTelemetry.ActivitySourceName && Equals(s.GetTagItem("graphql.operation.name"), "TracedCatalogPage"));
        Assert.StartsWith("sha256:", (string)catalog.GetTagItem(GraphQLOperationTelemetry.DocumentIdTag)!, StringComparison.Ordinal);
        Assert.Equal(3, catalog.GetTagItem(QueryDiagnosticsListener.StatementCountTag));
        Assert.True((double)catalog.GetTagItem(GraphQLOperationTelemetry.FieldCostTag)! > 0);
        Assert.True((double)catalog.GetTagItem(GraphQLOperationTelemetry.TypeCostTag)! > 0);
        var clients = spans.Where(s => s.ParentSpanId == catalog.SpanId && s.Kind == ActivityKind.Client).ToList();
        // The screen's delivery estimates are one call to the shipping service, an HTTP client span beside the commands.
        var shipping = Assert.Single(clients, s => s.GetTagItem("http.request.method") is not null);
        Assert.Equal("POST", shipping.GetTagItem("http.request.method"));
        Assert.Equal(3, clients.Count - 1); // the EF Core command spans sit under the operation's span
        Assert.NotNull(spans.SingleOrDefault(s => s.SpanId == catalog.ParentSpanId && s.Kind == ActivityKind.Server)); // under the HTTP request's

        var broken = Assert.Single(spans, s => Equals(s.GetTagItem("graphql.operation.name"), "TracedBroken"));
        Assert.Equal("PAGING_MAX_SIZE_EXCEEDED", broken.GetTagItem(GraphQLOperationTelemetry.ErrorCodesTag));
        Assert.Equal(ActivityStatusCode.Error, broken.Status);
    }

    [Fact]
    public async Task Metrics_are_scrapeable_in_prometheus_format()
    {
        var client = gateway.CreateClient();
        await client.PostGraphQLAsync("query ScrapedCounted { categories { id } }");
        await client.PostGraphQLAsync("query Refused { products(first: 500) { nodes { id } } }");

        // The exporter caches a scrape briefly; ask until the operation shows (bounded).
        string text = "";
        for (var attempt = 0; attempt < 50 && !(text.Contains("ScrapedCounted", StringComparison.Ordinal) && text.Contains("PAGING_MAX_SIZE_EXCEEDED", StringComparison.Ordinal)); attempt++)
        {
            text = await client.GetStringAsync("/metrics");
            await Task.Delay(100);
        }

        Assert.Contains("graphql_server_operation_duration_seconds_bucket{", text, StringComparison.Ordinal);
        Assert.Contains("graphql_operation_name=\"ScrapedCounted\"", text, StringComparison.Ordinal);
        Assert.Contains("graphql_error_code=\"PAGING_MAX_SIZE_EXCEEDED\"", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Log_records_of_an_operation_carry_its_trace_id()
    {
        var client = gateway.CreateClient();
        await client.PostGraphQLAsync("query TracedLogged { categories { id } }");

        var span = Assert.Single(gateway.FinishedSpans(), s => Equals(s.GetTagItem("graphql.operation.name"), "TracedLogged"));
        var record = Assert.Single(gateway.Logs.Records(), r => r.Message.Contains("GraphQL operation TracedLogged took", StringComparison.Ordinal));
        Assert.Equal(span.TraceId.ToHexString(), record.Scope.GetValueOrDefault("TraceId")?.ToString());
    }

    /// <summary>The gateway with Prometheus on, its spans kept in memory and its operation logs captured.</summary>
    public sealed class TracedGateway : GatewayFactory
    {
        private readonly List<Activity> _spans = [];

        protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
        [
            new("Telemetry:Prometheus", "true"),
            new("Telemetry:Tracing", "true"),
            new("Logging:LogLevel:Gateway.EntityFramework.Diagnostics", "Debug"),
        ];

        public CapturingLoggerProvider Logs { get; } = new();

        public List<Activity> FinishedSpans()
        {
            lock (_spans)
            {
                return [.. _spans];
            }
        }

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(
                tracing => tracing.AddProcessor(new KeepingProcessor(_spans))));
            builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        }

        internal sealed class KeepingProcessor(List<Activity> spans) : OpenTelemetry.BaseProcessor<Activity>
        {
            public override void OnEnd(Activity data)
            {
                lock (spans)
                {
                    spans.Add(data);
                }
            }
        }
    }
}
