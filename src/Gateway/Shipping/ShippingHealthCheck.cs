using Microsoft.Extensions.Diagnostics.HealthChecks;
using Polly.CircuitBreaker;

namespace Gateway.Shipping;

/// <summary>
/// Reports the remote's circuit and latency without calling it. An open circuit is Degraded, never Unhealthy:
/// the gateway answers everything else, so a shipping outage must not take it out of the load balancer.
/// </summary>
internal sealed class ShippingHealthCheck(ShippingCallStats stats, ShippingEndpoint endpoint) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = stats.CircuitState;
        var data = new Dictionary<string, object>
        {
            ["circuit"] = state.ToString(),
            ["mode"] = endpoint.IsEmbedded ? "embedded" : "remote",
        };
        if (stats.LastLatencyMs is { } last)
        {
            data["lastLatencyMs"] = Math.Round(last, 1);
            data["averageLatencyMs"] = Math.Round(stats.AverageLatencyMs ?? last, 1);
            data["lastOutcome"] = stats.LastOutcome ?? "";
        }

        return Task.FromResult(state == CircuitState.Closed
            ? HealthCheckResult.Healthy("Shipping service calls are flowing.", data)
            : HealthCheckResult.Degraded($"Shipping circuit {state}: delivery estimates are null with UPSTREAM_UNAVAILABLE.", data: data));
    }
}
