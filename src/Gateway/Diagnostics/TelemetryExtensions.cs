using Gateway.Http.Telemetry;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Gateway.Diagnostics;

/// <summary>
/// OpenTelemetry for the gateway: a span per HTTP request, per GraphQL operation (with its document id, error
/// codes and SQL statement count) and per EF Core command beneath it, plus request, operation and runtime metrics.
/// Exported over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set (the SDK reads the OTEL_* variables), and
/// scrapeable at <c>/metrics</c> when <c>Telemetry:Prometheus</c> is true. Log records carry the trace and span
/// ids of the request they belong to (the host's default activity tracking), in their scope.
/// </summary>
public static class TelemetryExtensions
{
    /// <summary>The standard variable the OTLP exporter reads its endpoint from.</summary>
    public const string OtlpEndpointVariable = "OTEL_EXPORTER_OTLP_ENDPOINT";

    public static IServiceCollection AddStorefrontTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var options = configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();

        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName))
            .WithTracing(tracing => tracing
                .AddSource(GraphQLOperationTelemetry.ActivitySourceName)
                .AddAspNetCoreInstrumentation(aspNetCore => aspNetCore.Filter = http => !IsOperationalPath(http.Request.Path, options))
                .AddHttpClientInstrumentation())
            // The Prometheus reader is always there (it only works when scraped); Telemetry:Prometheus decides whether
            // the endpoint is mapped, read when the app is built, so that hosts configured later (tests) can turn it on.
            .WithMetrics(metrics => metrics
                .AddMeter(GraphQLOperationMetrics.MeterName)
                .AddAspNetCoreInstrumentation()
                .AddRuntimeInstrumentation()
                .AddPrometheusExporter());

        if (!string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]))
        {
            telemetry.UseOtlpExporter();
        }

        // Spans cost an allocation per request, operation and SQL command: record them only when someone reads them.
        // Decided when the provider is built, from the host's final configuration.
        services.ConfigureOpenTelemetryTracerProvider((provider, tracing) =>
        {
            if (TracingEnabled(provider.GetRequiredService<IConfiguration>()))
            {
                // Subscribed, EF Core's instrumentation has EF Core build and publish a diagnostic event per command
                // even when no span is recorded (6% of a product page's time in-process): only when spans are.
                tracing.AddEntityFrameworkCoreInstrumentation();
            }
            else
            {
                tracing.SetSampler(new AlwaysOffSampler());
            }
        });

        return services;
    }

    /// <summary><c>Telemetry:Tracing</c>, by default on when spans are exported.</summary>
    private static bool TracingEnabled(IConfiguration configuration) =>
        configuration.GetValue<bool?>($"{TelemetryOptions.Section}:{nameof(TelemetryOptions.Tracing)}")
            ?? !string.IsNullOrWhiteSpace(configuration[OtlpEndpointVariable]);

    /// <summary>Maps the Prometheus scraping endpoint when it is turned on.</summary>
    public static WebApplication MapStorefrontTelemetry(this WebApplication app)
    {
        var options = app.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }

        return app;
    }

    // Probes and scrapes every few seconds would drown the traces of real requests.
    private static bool IsOperationalPath(PathString path, TelemetryOptions options) =>
        path.StartsWithSegments(HealthExtensions.BasePath) || path.StartsWithSegments(options.PrometheusPath);
}
