using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Shipping;

/// <summary>
/// Not ready until the embedded shipping service's warm-up has ended (always ready in remote mode). A probe that
/// arrives during the warm-up waits for it a little rather than failing: it takes well under a second on a quiet machine.
/// </summary>
internal sealed class ShippingWarmUpHealthCheck(EmbeddedShippingWarmUp warmUp) : IHealthCheck
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await warmUp.Done.WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy("Embedded shipping service warmed up.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Warming up the embedded shipping service.");
        }
    }
}
