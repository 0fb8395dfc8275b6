namespace Gateway.Shipping;

/// <summary>
/// Once the gateway listens, sends one estimate to its embedded shipping service through the real client path:
/// the first call JIT-compiles both sides (client pipeline, Kestrel, the service's schema and queries) and on a busy
/// machine could take longer than an attempt's timeout, so no visitor's first screen should pay for it.
/// </summary>
internal sealed class EmbeddedShippingWarmUp(
    IHostApplicationLifetime lifetime, EmbeddedShipping embedded, ShippingEndpoint endpoint, IServiceProvider services, ILogger<EmbeddedShippingWarmUp> logger)
    : IHostedService
{
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
        // A host without a listening socket (an in-memory test server) has nothing to call.
        if (!endpoint.IsReachable)
        {
            return;
        }

        try
        {
            using var scope = services.CreateScope();
            var outcomes = await scope.ServiceProvider.GetRequiredService<ShippingClient>()
                .EstimateAsync([new DeliveryRequest("DE", 500, "1")], lifetime.ApplicationStopping);
            logger.LogInformation("Embedded shipping service warmed up ({Outcome}).", outcomes.Values.Single().ErrorCode ?? "ok");
        }
        catch (OperationCanceledException)
        {
            // Stopping already.
        }
    }
}
