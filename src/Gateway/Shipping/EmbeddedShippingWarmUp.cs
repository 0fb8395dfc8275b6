namespace Gateway.Shipping;

/// <summary>
/// Once the gateway listens, sends one estimate to its embedded shipping service through the real client path:
/// the first call JIT-compiles both sides (client pipeline, the service's transport, schema and queries) and on a busy
/// machine can take longer than an attempt's timeout, so no visitor's first screen should pay for it. Readiness waits
/// for it (the <c>shipping-warm-up</c> check, a <see cref="Diagnostics.WarmUpCompletionHealthCheck"/>): a load balancer sends no traffic to a cold replica, and
/// nothing the warm-up logs can interleave with the replica's real work or its shutdown.
/// </summary>
internal sealed class EmbeddedShippingWarmUp(
    IHostApplicationLifetime lifetime, EmbeddedShipping embedded, IServiceProvider services, ILogger<EmbeddedShippingWarmUp> logger)
    : IHostedService
{
    /// <summary>A few tries: each may time out while the first call compiles; the next one finds it warm.</summary>
    private const int Attempts = 3;

    private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the warm-up ended, whatever its outcome (a failed warm-up must not keep a replica out for ever).</summary>
    public Task Done => embedded.Enabled ? _done.Task : Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (embedded.Enabled)
        {
            lifetime.ApplicationStarted.Register(() => _ = Task.Run(WarmAsync));
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task WarmAsync()
    {
        try
        {
            for (var attempt = 1; attempt <= Attempts && !lifetime.ApplicationStopping.IsCancellationRequested; attempt++)
            {
                using var scope = services.CreateScope();
                var outcomes = await scope.ServiceProvider.GetRequiredService<ShippingClient>()
                    .EstimateAsync([new DeliveryRequest("DE", 500, "1")], lifetime.ApplicationStopping);
                var error = outcomes.Values.Single().ErrorCode;
                logger.LogInformation("Embedded shipping service warm-up {Attempt}/{Attempts}: {Outcome}.", attempt, Attempts, error ?? "ok");
                if (error is null)
                {
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping already.
        }
        finally
        {
            _done.TrySetResult();
        }
    }
}
