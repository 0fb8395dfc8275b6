using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Gateway.Messaging;

/// <summary>Registers the subscription event bus.</summary>
public static class EventBusServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="InMemoryTopicEventBus"/> as the singleton <see cref="ITopicEventBus"/>
    /// (and as itself, for diagnostics such as <see cref="InMemoryTopicEventBus.SubscriberCount"/>).
    /// An <see cref="ITopicEventBus"/> registered earlier is kept.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Optional configuration of <see cref="InMemoryEventBusOptions"/>.</param>
    /// <returns>The same service collection.</returns>
    public static IServiceCollection AddInMemoryEventBus(this IServiceCollection services, Action<InMemoryEventBusOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddOptions<InMemoryEventBusOptions>()
            .Configure(options => configure?.Invoke(options))
            .Validate(options => options.SubscriberBufferCapacity > 0, "SubscriberBufferCapacity must be positive.");
        services.TryAddSingleton<InMemoryTopicEventBus>();
        services.TryAddSingleton<ITopicEventBus>(provider => provider.GetRequiredService<InMemoryTopicEventBus>());
        return services;
    }
}
