namespace Gateway.Messaging;

/// <summary>Options of the in-process event bus registered by <c>AddInMemoryEventBus</c>.</summary>
public sealed class InMemoryEventBusOptions
{
    /// <summary>
    /// How many undelivered messages each subscriber may hold; when full, its oldest message is
    /// dropped (and a warning logged) so one slow subscriber cannot grow memory without bound.
    /// Default 1024.
    /// </summary>
    public int SubscriberBufferCapacity { get; set; } = 1024;
}
