using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.WarmUp;

/// <summary>Not ready until the screens' warm-up has ended (always ready when it is off).</summary>
internal sealed class WarmUpHealthCheck(ScreenWarmUp warmUp) : IHealthCheck
{
    /// <summary>A probe during the warm-up waits a little for it rather than failing at once.</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(2);

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await warmUp.Done.WaitAsync(Patience, cancellationToken);
            return HealthCheckResult.Healthy("Screens warmed up.");
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Warming up the screens.");
        }
    }
}
