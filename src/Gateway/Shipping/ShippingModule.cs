using Gateway.DataLoader;
using Gateway.Diagnostics;
using Gateway.EntityFramework;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using Polly;
using Shipping.Schema;

namespace Gateway.Shipping;

public static class ShippingModule
{
    public const string ClientName = "shipping";

    /// <summary>
    /// The remote shipping service in the graph: <c>Product.delivery</c> and <c>Order.delivery</c>, the batched,
    /// resilient client behind them, its health check and the start-up check of the remote's schema.
    /// </summary>
    public static IServiceCollection AddShippingModule(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<ShippingOptions>().Bind(configuration.GetSection(ShippingOptions.SectionName))
            .Validate(o => o.Timeout > TimeSpan.Zero && o.AttemptTimeout > TimeSpan.Zero && o.AttemptTimeout <= o.Timeout,
                "Shipping:Timeout and Shipping:AttemptTimeout must be positive, the attempt within the whole.")
            .Validate(o => string.IsNullOrWhiteSpace(o.Url) || Uri.TryCreate(o.Url, UriKind.Absolute, out _), "Shipping:Url must be an absolute URL.")
            .ValidateOnStart();
        services.AddSingleton<ShippingCallStats>();
        services.AddSingleton<ShippingEndpoint>();
        services.AddSingleton<EmbeddedShipping>();
        services.AddSingleton<EmbeddedShippingPipeline>();
        services.AddDataLoader<DeliveryEstimateLoader>();
        services.AddSingleton<DeliveryEstimateType>();
        services.AddSingleton<CarrierType>();
        services.AddEntityTypeExtension<ProductDeliveryFields>();
        services.AddEntityTypeExtension<OrderDeliveryFields>();
        services.AddHostedService<ShippingSchemaCheck>();
        services.AddSingleton<EmbeddedShippingWarmUp>();
        services.AddHostedService(provider => provider.GetRequiredService<EmbeddedShippingWarmUp>());
        var checks = services.AddHealthChecks().AddCheck<ShippingHealthCheck>("shipping", tags: [HealthExtensions.ReadyTag]);
        // Its first call takes well under a second on a quiet machine: a probe meanwhile waits up to 5 s for it.
        WarmUpCompletionHealthCheck.Add<EmbeddedShippingWarmUp>(checks, "shipping-warm-up", warmUp => warmUp.Done,
            TimeSpan.FromSeconds(5), warming: "Warming up the embedded shipping service.", warm: "Embedded shipping service warmed up.");

        services.AddHttpClient<ShippingClient>(ClientName, (provider, http) =>
                // A backstop only: the client's own budget and the pipeline's timeouts end a call long before.
                http.Timeout = provider.GetRequiredService<IOptions<ShippingOptions>>().Value.Timeout + TimeSpan.FromSeconds(5))
            // The embedded service is called in this process; a remote over the default socket handler.
            .ConfigurePrimaryHttpMessageHandler(provider => provider.GetRequiredService<ShippingEndpoint>().IsEmbedded
                ? new InProcessShippingHandler(provider.GetRequiredService<EmbeddedShippingPipeline>(), provider.GetRequiredService<ILogger<InProcessShippingHandler>>())
                : new HttpClientHandler())
            .AddResilienceHandler(ClientName, (pipeline, context) =>
            {
                var options = context.ServiceProvider.GetRequiredService<IOptions<ShippingOptions>>().Value;
                var stats = context.ServiceProvider.GetRequiredService<ShippingCallStats>();
                // Outermost first: the whole budget, one jittered retry of transient failures (5xx, 408, 429,
                // connection errors, attempt timeouts), the breaker that stops calling a failing remote, then each attempt's limit.
                pipeline
                    .AddTimeout(options.Timeout)
                    .AddRetry(new HttpRetryStrategyOptions
                    {
                        MaxRetryAttempts = 1,
                        Delay = options.RetryDelay,
                        BackoffType = DelayBackoffType.Constant,
                        UseJitter = true,
                    })
                    .AddCircuitBreaker(new HttpCircuitBreakerStrategyOptions
                    {
                        FailureRatio = options.FailureRatio,
                        MinimumThroughput = 8,
                        SamplingDuration = TimeSpan.FromSeconds(10),
                        BreakDuration = options.BreakDuration,
                        StateProvider = stats.Circuit,
                    })
                    .AddTimeout(options.AttemptTimeout);
            });
        return services;
    }
}
