namespace Gateway.Diagnostics;

/// <summary>The <c>Telemetry</c> section. Traces and metrics go over OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>The <c>service.name</c> resource attribute of every span and metric.</summary>
    public string ServiceName { get; set; } = "storefront-gateway";

    /// <summary>Records spans; by default only when they are exported (<c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set).</summary>
    public bool? Tracing { get; set; }

    /// <summary>Serves the metrics in Prometheus' text format at <see cref="PrometheusPath"/>.</summary>
    public bool Prometheus { get; set; }

    /// <summary>Where the metrics are served; scrapes of it are not traced.</summary>
    public string PrometheusPath { get; set; } = "/metrics";
}
