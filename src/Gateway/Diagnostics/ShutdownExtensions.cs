using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Diagnostics;

/// <summary>
/// Graceful shutdown: on SIGTERM Kestrel stops accepting connections, readiness turns 503 at once (so a load balancer
/// stops routing here even before its next probe fails), WebSockets close with 1001 and event streams end with
/// <c>complete</c>, and requests in flight get <see cref="ShutdownOptions.DrainTimeout"/> to finish.
/// </summary>
public static class ShutdownExtensions
{
    public static IServiceCollection AddGracefulShutdown(this IServiceCollection services)
    {
        services.AddOptions<ShutdownOptions>().BindConfiguration(ShutdownOptions.Section)
            .Validate(o => o.DrainTimeout >= TimeSpan.Zero, "Shutdown:DrainTimeout must not be negative.");
        services.AddOptions<HostOptions>().Configure<IConfiguration>((host, configuration) =>
            host.ShutdownTimeout = configuration.GetSection(ShutdownOptions.Section).Get<ShutdownOptions>()?.DrainTimeout
                ?? new ShutdownOptions().DrainTimeout);
        services.AddHealthChecks().AddCheck<StoppingHealthCheck>("shutdown", tags: [HealthExtensions.ReadyTag]);
        return services;
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
