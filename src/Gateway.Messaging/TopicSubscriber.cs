using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace Gateway.Messaging;

/// <summary>
/// One subscription: a bounded buffer drained by its own delivery loop, so the publisher never
/// waits on this observer and a slow observer loses its oldest messages instead of growing memory.
/// </summary>
internal sealed partial class TopicSubscriber<T> : ITopicSubscriber, IDisposable
{
    private readonly InMemoryTopicEventBus _bus;
    private readonly string _topic;
    private readonly IObserver<T> _observer;
    private readonly ILogger _logger;
    private readonly Channel<T> _buffer;
    private int _disposed;

    public TopicSubscriber(InMemoryTopicEventBus bus, string topic, IObserver<T> observer, int capacity, ILogger logger)
    {
        _bus = bus;
        _topic = topic;
        _observer = observer;
        _logger = logger;
        _buffer = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            _ => LogMessageDropped(_logger, _topic, capacity));
    }

    public void Start() => _ = Task.Run(DeliverAsync);

    public void Offer(object message)
    {
        if (message is T typed)
        {
            _buffer.Writer.TryWrite(typed);
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _bus.Detach(_topic, this);
        _buffer.Writer.TryComplete();
    }

    private async Task DeliverAsync()
    {
        await foreach (var message in _buffer.Reader.ReadAllAsync().ConfigureAwait(false))
        {
            // Messages still buffered when the subscription is disposed are not delivered.
            if (Volatile.Read(ref _disposed) == 1)
            {
                return;
            }

            try
            {
                _observer.OnNext(message);
            }
            catch (Exception exception)
            {
                LogObserverFailed(_logger, exception, _topic);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Subscriber of topic '{Topic}' is too slow; dropped its oldest buffered message (capacity {Capacity}).")]
    private static partial void LogMessageDropped(ILogger logger, string topic, int capacity);

    [LoggerMessage(Level = LogLevel.Error, Message = "Subscriber of topic '{Topic}' threw while handling a message; it keeps its subscription.")]
    private static partial void LogObserverFailed(ILogger logger, Exception exception, string topic);
}
