using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gateway.Diagnostics;

/// <summary>
/// Graceful shutdown: on SIGTERM Kestrel stops accepting connections, readiness turns 503 at once (so a load balancer
/// stops routing here even before its next probe fails), WebSockets close with 1001 and event streams end with
/// <c>complete</c>, and requests in flight get <see cref="ShutdownOptions.DrainTimeout"/> to finish. With a
/// <see cref="ShutdownOptions.StopListeningDelay"/>, Kestrel takes requests for that long first, readiness 503.
/// </summary>
public static class ShutdownExtensions
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.DrainTimeout >= TimeSpan.Zero, "Shutdown:DrainTimeout must not be negative.")
            .Validate(o => o.StopListeningDelay >= TimeSpan.Zero, "Shutdown:StopListeningDelay must not be negative.");
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
        {
            var shutdown = configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>() ?? new ShutdownOptions();
            host.ShutdownTimeout = shutdown.StopListeningDelay + shutdown.DrainTimeout;
        });
        services.AddHealthChecks().AddCheck<StoppingHealthCheck>("shutdown", tags: [HealthExtensions.ReadyTag]);
        services.AddHostedService<StopListeningDelay>();
        return services;
    }

    /// <summary>
    /// Waits <see cref="ShutdownOptions.StopListeningDelay"/> when the host begins to stop: the host runs every
    /// service's StoppingAsync before it stops any (Kestrel's server among them), and readiness is already 503.
    /// </summary>
    private sealed class StopListeningDelay(IOptions<ShutdownOptions> options) : IHostedLifecycleService
    {
        public async Task StoppingAsync(CancellationToken cancellationToken)
        {
            if (options.Value.StopListeningDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.Value.StopListeningDelay, cancellationToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }

        public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StartedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }

    /// <summary>Unhealthy from the moment the host begins to stop.</summary>
    private sealed class StoppingHealthCheck(IHostApplicationLifetime lifetime) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            Task.FromResult(lifetime.ApplicationStopping.IsCancellationRequested
                ? HealthCheckResult.Unhealthy("The replica is shutting down.")
                : HealthCheckResult.Healthy());
    }
}
