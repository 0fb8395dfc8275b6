using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Diagnostics;

/// <summary>
/// Health endpoints for orchestrators and load balancers: <c>/health/live</c> answers while the process serves
/// requests (no dependency is checked, so a slow database never gets a replica restarted), <c>/health/ready</c>
/// checks every dependency tagged <see cref="ReadyTag"/> (the store, and Redis when configured) and answers 503
/// when one fails, so the balancer stops sending traffic until it recovers.
/// </summary>
public static class HealthExtensions
{
    public const string BasePath = "/health";
    public const string ReadyTag = "ready";

    public static IServiceCollection AddStorefrontHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag]);
        return services;
    }

    public static WebApplication MapStorefrontHealthChecks(this WebApplication app)
    {
        app.MapHealthChecks(BasePath + "/live", new HealthCheckOptions { Predicate = _ => false });
        app.MapHealthChecks(BasePath + "/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(ReadyTag),
            ResponseWriter = HealthReportWriter.WriteAsync,
        });
        return app;
    }
}
