using System.Collections.Concurrent;
using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Gateway.Messaging;

/// <summary>
/// An in-process <see cref="ITopicEventBus"/>: each subscriber gets its own bounded buffer and
/// delivery loop, so a slow or throwing subscriber affects nobody else. Suitable for a single
/// gateway instance; several instances need a distributed bus behind the same interface.
/// </summary>
public sealed class InMemoryTopicEventBus : ITopicEventBus
{
    // Subscribe/unsubscribe are rare next to publish, so they take a lock and swap in a new
    // immutable array; publish reads the current array without locking.
    private readonly object _gate = new();
    private readonly ConcurrentDictionary<string, ImmutableArray<ITopicSubscriber>> _topics = new(StringComparer.Ordinal);
    private readonly InMemoryEventBusOptions _options;
    private readonly ILogger _logger;

    /// <summary>Creates a bus with the given options.</summary>
    /// <param name="options">Buffer sizes; see <see cref="InMemoryEventBusOptions"/>.</param>
    /// <param name="logger">Receives warnings about dropped messages and failing subscribers.</param>
    public InMemoryTopicEventBus(IOptions<InMemoryEventBusOptions> options, ILogger<InMemoryTopicEventBus>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options.Value;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The number of topics that currently have at least one subscriber.</summary>
    public int TopicCount => _topics.Count;

    /// <summary>The number of live subscriptions to <paramref name="topic"/> (0 for an unknown topic).</summary>
    /// <param name="topic">The topic name.</param>
    /// <returns>The subscriber count.</returns>
    public int SubscriberCount(string topic) =>
        _topics.TryGetValue(topic, out var subscribers) ? subscribers.Length : 0;

    /// <inheritdoc />
    public ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();

        if (_topics.TryGetValue(topic, out var subscribers))
        {
            foreach (var subscriber in subscribers)
            {
                subscriber.Offer(message);
            }
        }

        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public IObservable<T> Subscribe<T>(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return new TopicObservable<T>(this, topic);
    }

    internal IDisposable Attach<T>(string topic, IObserver<T> observer)
    {
        var subscriber = new TopicSubscriber<T>(this, topic, observer, _options.SubscriberBufferCapacity, _logger);
        lock (_gate)
        {
            _topics[topic] = _topics.TryGetValue(topic, out var existing) ? existing.Add(subscriber) : [subscriber];
        }

        subscriber.Start();
        return subscriber;
    }

    internal void Detach(string topic, ITopicSubscriber subscriber)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(topic, out var existing))
            {
                return;
            }

            var remaining = existing.Remove(subscriber);
            if (remaining.IsEmpty)
            {
                // Dropping the entry keeps a topic nobody listens to free of any cost.
                _topics.TryRemove(topic, out _);
            }
            else
            {
                _topics[topic] = remaining;
            }
        }
    }
}
