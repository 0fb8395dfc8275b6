using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Gateway.Diagnostics;

/// <summary>
/// Not ready until a warm-up's task has completed. A probe that arrives during the warm-up waits for it a little
/// rather than failing at once. Shared by the embedded shipping service's warm-up and the screens' warm-up.
/// </summary>
internal sealed class WarmUpCompletionHealthCheck(Func<Task> done, TimeSpan patience, string warming, string warm) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            await done().WaitAsync(patience, cancellationToken);
            return HealthCheckResult.Healthy(warm);
        }
        catch (TimeoutException)
        {
            return HealthCheckResult.Unhealthy(warming);
        }
    }

    /// <summary>Registers the check for the warm-up service <typeparamref name="TWarmUp"/>, tagged for readiness.</summary>
    public static IHealthChecksBuilder Add<TWarmUp>(IHealthChecksBuilder checks, string name, Func<TWarmUp, Task> done,
        TimeSpan patience, string warming, string warm)
        where TWarmUp : notnull =>
        checks.Add(new HealthCheckRegistration(name,
            provider => new WarmUpCompletionHealthCheck(() => done(provider.GetRequiredService<TWarmUp>()), patience, warming, warm),
            failureStatus: null, tags: [HealthExtensions.ReadyTag]));
}
