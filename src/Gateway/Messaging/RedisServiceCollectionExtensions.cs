using Gateway.Diagnostics;
using Gateway.Http.Persisted;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Gateway.Messaging;

/// <summary>
/// Redis for several replicas, when <c>ConnectionStrings:Redis</c> is set: the subscription event bus goes through
/// Redis pub/sub (<see cref="RedisTopicEventBus"/>), documents registered through automatic persisted queries are
/// shared (<see cref="RedisAutomaticPersistedQueryStore"/>) and readiness checks Redis. Without it the in-memory bus serves
/// a single process. Decided from the host's final configuration, when the services are first resolved.
/// </summary>
public static class RedisServiceCollectionExtensions
{
    public const string ConnectionStringName = "Redis";
    private const string HealthCheckName = "redis";

    public static IServiceCollection AddStorefrontRedis(this IServiceCollection services)
    {
        services.AddSingleton<IConnectionMultiplexer>(provider =>
        {
            var connectionString = provider.GetRequiredService<IConfiguration>().GetConnectionString(ConnectionStringName)
                ?? throw new InvalidOperationException($"ConnectionStrings:{ConnectionStringName} is not set.");
            var options = ConfigurationOptions.Parse(connectionString);
            // Start even while Redis is down: readiness says so, and the connection recovers on its own.
            options.AbortOnConnectFail = false;
            return ConnectionMultiplexer.Connect(options);
        });
        services.AddSingleton<RedisTopicEventBus>();
        services.AddSingleton<RedisAutomaticPersistedQueryStore>();
        services.AddSingleton<IAutomaticPersistedQueryStore>(provider => IsConfigured(provider.GetRequiredService<IConfiguration>())
            ? provider.GetRequiredService<RedisAutomaticPersistedQueryStore>()
            : provider.GetRequiredService<InMemoryAutomaticPersistedQueryStore>());
        services.AddSingleton<ITopicEventBus>(provider => IsConfigured(provider.GetRequiredService<IConfiguration>())
            ? provider.GetRequiredService<RedisTopicEventBus>()
            : provider.GetRequiredService<InMemoryTopicEventBus>());
        // The community check, registered always and taken out again when Redis is not configured: whether it is
        // configured is known only from the final configuration, after registration.
        services.AddHealthChecks().AddRedis(provider => provider.GetRequiredService<IConnectionMultiplexer>(),
            HealthCheckName, HealthStatus.Unhealthy, [HealthExtensions.ReadyTag]);
        services.AddOptions<HealthCheckServiceOptions>().PostConfigure<IConfiguration>((health, configuration) =>
        {
            if (!IsConfigured(configuration))
            {
                foreach (var registration in health.Registrations.Where(r => r.Name == HealthCheckName).ToList())
                {
                    health.Registrations.Remove(registration);
                }
            }
        });
        return services;
    }

    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration.GetConnectionString(ConnectionStringName));
}
