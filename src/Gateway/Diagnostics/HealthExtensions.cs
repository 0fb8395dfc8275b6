using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Gateway.Store;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Gateway.Diagnostics;

/// <summary>
/// Health endpoints for orchestrators and load balancers: <c>/health/live</c> answers while the process serves
/// requests (no dependency is checked, so a slow database never gets a replica restarted), <c>/health/ready</c>
/// checks every dependency tagged <see cref="ReadyTag"/> (the store, on PostgreSQL also with AspNetCore.HealthChecks.NpgSql, and Redis when configured) and answers 503
/// when one fails, so the balancer stops sending traffic until it recovers.
/// </summary>
public static class HealthExtensions
{
    public const string BasePath = "/health";
    public const string ReadyTag = "ready";

    private const string PostgreSqlCheck = "postgresql";

    public static IServiceCollection AddStorefrontHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<StoreHealthCheck>("store", tags: [ReadyTag])
            // On PostgreSQL, the community check as well: a plain connection and SELECT 1 outside EF Core's pool.
            .AddNpgSql(provider => provider.GetRequiredService<IConfiguration>().GetConnectionString("Store") ?? "",
                name: PostgreSqlCheck, tags: [ReadyTag]);
        // Which provider serves is known from the final configuration only: the check leaves where it is not PostgreSQL.
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IOptions<StoreOptions>>((health, store) =>
        {
            if (store.Value.Provider != StoreProvider.PostgreSql)
            {
                foreach (var registration in health.Registrations.Where(r => r.Name == PostgreSqlCheck).ToList())
                {
                    health.Registrations.Remove(registration);
                }
            }
        });
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
