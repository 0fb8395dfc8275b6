using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace Gateway.Messaging;

/// <summary>
/// An <see cref="ITopicEventBus"/> shared by every replica through Redis pub/sub: a message published on one replica
/// reaches the subscribers of every replica, this one included. Each replica subscribes to a topic's Redis channel
/// while it has local subscribers to it, and fans messages out to them through its in-memory bus, which keeps each
/// subscriber's own buffer and delivery loop (a slow socket never holds up the others).
/// </summary>
/// <remarks>
/// Messages travel as JSON with the name of their type; a replica only turns a message into a type that one of its
/// subscribers asked for, never into a type named by whoever could write to Redis.
/// </remarks>
public sealed class RedisTopicEventBus(IConnectionMultiplexer redis, InMemoryTopicEventBus local, ILogger<RedisTopicEventBus> logger)
    : ITopicEventBus
{
    /// <summary>Prefix of the Redis channels, so that the gateway's channels never collide with another app's.</summary>
    public const string ChannelPrefix = "gateway:topic:";

    private readonly Lock _gate = new();

    private InMemoryTopicEventBus Local => local;
    private readonly Dictionary<string, TopicChannel> _channels = new(StringComparer.Ordinal);

    public async ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        ArgumentNullException.ThrowIfNull(message);
        cancellationToken.ThrowIfCancellationRequested();
        var envelope = JsonSerializer.SerializeToUtf8Bytes(new Envelope(typeof(T).FullName!, JsonSerializer.SerializeToElement(message)));
        await redis.GetSubscriber().PublishAsync(Channel(topic), envelope).ConfigureAwait(false);
    }

    public IObservable<T> Subscribe<T>(string topic)
    {
        ArgumentException.ThrowIfNullOrEmpty(topic);
        return new RedisTopicObservable<T>(this, topic);
    }

    private static RedisChannel Channel(string topic) => RedisChannel.Literal(ChannelPrefix + topic);

    /// <summary>Subscribes the replica to the topic's channel (once, however many local subscribers) and registers <paramref name="type"/>.</summary>
    private void Acquire(string topic, Type type)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(topic, out var channel))
            {
                // Synchronous on purpose: the subscription is live in Redis before Subscribe returns, so nothing
                // published after a client's subscription is acknowledged can be missed.
                var queue = redis.GetSubscriber().Subscribe(Channel(topic));
                channel = new TopicChannel(queue);
                queue.OnMessage(message => DeliverAsync(topic, channel, message.Message));
                _channels.Add(topic, channel);
            }

            channel.Users++;
            channel.Types.TryAdd(type.FullName!, type);
        }
    }

    private void Release(string topic)
    {
        ChannelMessageQueue? unsubscribe = null;
        lock (_gate)
        {
            if (_channels.TryGetValue(topic, out var channel) && --channel.Users == 0)
            {
                _channels.Remove(topic);
                unsubscribe = channel.Queue;
            }
        }

        unsubscribe?.Unsubscribe(CommandFlags.FireAndForget);
    }

    private async Task DeliverAsync(string topic, TopicChannel channel, RedisValue value)
    {
        try
        {
            var envelope = JsonSerializer.Deserialize<Envelope>((byte[])value!);
            if (envelope is not null && channel.Types.TryGetValue(envelope.Type, out var type)
                && envelope.Payload.Deserialize(type) is { } message)
            {
                await Local.PublishAsync(topic, message).ConfigureAwait(false);
            }
        }
        catch (JsonException exception)
        {
            logger.LogWarning(exception, "Dropped a malformed message on topic {Topic}", topic);
        }
    }

    private sealed record Envelope(string Type, JsonElement Payload);

    private sealed class TopicChannel(ChannelMessageQueue queue)
    {
        public ChannelMessageQueue Queue { get; } = queue;

        public int Users { get; set; }

        public ConcurrentDictionary<string, Type> Types { get; } = new(StringComparer.Ordinal);
    }

    private sealed class RedisTopicObservable<T>(RedisTopicEventBus bus, string topic) : IObservable<T>
    {
        public IDisposable Subscribe(IObserver<T> observer)
        {
            // The local subscriber first: once the replica is on the channel in Redis (where the other replicas'
            // messages arrive, and where a watcher can see it subscribed), every message it delivers finds it.
            var inner = bus.Local.Subscribe<T>(topic).Subscribe(observer);
            try
            {
                bus.Acquire(topic, typeof(T));
            }
            catch
            {
                inner.Dispose();
                throw;
            }
            return new Subscription(bus, topic, inner);
        }
    }

    private sealed class Subscription(RedisTopicEventBus bus, string topic, IDisposable inner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
            {
                inner.Dispose();
                bus.Release(topic);
            }
        }
    }
}
