namespace Gateway.Messaging;

/// <summary>A cold stream over one topic: every <see cref="Subscribe"/> registers a new subscriber.</summary>
internal sealed class TopicObservable<T>(InMemoryTopicEventBus bus, string topic) : IObservable<T>
{
    public IDisposable Subscribe(IObserver<T> observer)
    {
        ArgumentNullException.ThrowIfNull(observer);
        return bus.Attach(topic, observer);
    }
}
