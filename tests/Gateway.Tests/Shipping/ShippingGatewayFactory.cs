using System.Diagnostics;
using Gateway.Tests.Diagnostics;
using Gateway.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using OpenTelemetry.Trace;

namespace Gateway.Tests.Shipping;

/// <summary>The gateway calling the shipping service at <paramref name="url"/>; with <see cref="Spans"/>, tracing and keeping its spans.</summary>
public sealed class ShippingGatewayFactory(string url, params (string Key, string Value)[] settings) : GatewayFactory
{
    public List<Activity>? Spans { get; init; }

    /// <summary>None of the shared service's relaxed settings: these tests measure the production timeouts.</summary>
    protected override IEnumerable<KeyValuePair<string, string?>> ShippingSettings => [];

    protected override IEnumerable<KeyValuePair<string, string?>> Settings =>
    [
        new("Shipping:Url", url),
        new("Telemetry:Tracing", Spans is null ? "false" : "true"),
        .. settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)),
    ];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (Spans is { } spans)
        {
            builder.ConfigureTestServices(services => services.ConfigureOpenTelemetryTracerProvider(
                tracing => tracing.AddProcessor(new TelemetryTests.TracedGateway.KeepingProcessor(spans))));
        }
    }
}
