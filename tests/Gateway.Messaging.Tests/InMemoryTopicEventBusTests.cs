using Gateway.Testing;
using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Messaging.Tests;

/// <summary>The in-process event bus on its own: routing, release, isolation and thread safety.</summary>
public sealed class InMemoryTopicEventBusTests
{
    private static readonly TimeSpan s_wait = TimeSpan.FromSeconds(5);

    private static InMemoryTopicEventBus CreateBus(int capacity = 1024)
    {
        var services = new ServiceCollection().AddLogging().AddInMemoryEventBus(o => o.SubscriberBufferCapacity = capacity).BuildServiceProvider();
        var bus = services.GetRequiredService<InMemoryTopicEventBus>();
        Assert.Same(bus, services.GetRequiredService<ITopicEventBus>());
        return bus;
    }

    [Fact]
    public async Task A_message_reaches_every_subscriber_of_its_topic_and_no_other()
    {
        var bus = CreateBus();
        var a = new RecordingObserver<string>();
        var b = new RecordingObserver<string>();
        var other = new RecordingObserver<string>();
        using var subA = bus.Subscribe<string>("news").Subscribe(a);
        using var subB = bus.Subscribe<string>("news").Subscribe(b);
        using var subOther = bus.Subscribe<string>("sports").Subscribe(other);

        await bus.PublishAsync("news", "hello");

        Assert.True(await Eventually.TrueAsync(() => a.Count == 1 && b.Count == 1, s_wait));
        Assert.Equal(["hello"], a.Items);
        Assert.Empty(other.Items);
    }

    [Fact]
    public async Task Messages_of_another_type_are_skipped()
    {
        var bus = CreateBus();
        var posts = new RecordingObserver<Post>();
        var anything = new RecordingObserver<object>();
        using var subPosts = bus.Subscribe<Post>("t").Subscribe(posts);
        using var subAnything = bus.Subscribe<object>("t").Subscribe(anything);

        await bus.PublishAsync("t", "not a post");
        await bus.PublishAsync("t", new Post(1));

        Assert.True(await Eventually.TrueAsync(() => anything.Count == 2 && posts.Count == 1, s_wait));
        Assert.Equal(1, posts.Items.Single().Id);
    }

    [Fact]
    public async Task Disposing_a_subscription_removes_its_observer_and_an_empty_topic()
    {
        var bus = CreateBus();
        var observer = new RecordingObserver<int>();
        var subscription = bus.Subscribe<int>("t").Subscribe(observer);
        Assert.Equal(1, bus.SubscriberCount("t"));

        subscription.Dispose();
        subscription.Dispose();
        Assert.Equal(0, bus.SubscriberCount("t"));
        Assert.Equal(0, bus.TopicCount);
        await bus.PublishAsync("t", 1);

        // A sentinel instead of a sleep: 1 went to a topic without subscribers; the observer subscribes again and the
        // sentinel 2 must be the first and only message it ever receives.
        using var again = bus.Subscribe<int>("t").Subscribe(observer);
        await bus.PublishAsync("t", 2);
        Assert.True(await Eventually.TrueAsync(() => observer.Count >= 1, s_wait));
        Assert.Equal([2], observer.Items);
    }

    [Fact]
    public async Task Publishing_to_a_topic_nobody_listens_to_registers_nothing()
    {
        var bus = CreateBus();

        await bus.PublishAsync("nobody", 42);

        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public void Subscribe_is_cold_until_an_observer_subscribes()
    {
        var bus = CreateBus();

        _ = bus.Subscribe<int>("t");

        Assert.Equal(0, bus.SubscriberCount("t"));
    }

    [Fact]
    public async Task A_throwing_subscriber_breaks_neither_the_publisher_nor_the_others_nor_itself()
    {
        var bus = CreateBus();
        var thrower = new RecordingObserver<int>(onNext: _ => throw new InvalidOperationException("boom"));
        var healthy = new RecordingObserver<int>();
        using var subThrower = bus.Subscribe<int>("t").Subscribe(thrower);
        using var subHealthy = bus.Subscribe<int>("t").Subscribe(healthy);

        await bus.PublishAsync("t", 1);
        await bus.PublishAsync("t", 2);

        Assert.True(await Eventually.TrueAsync(() => healthy.Count == 2 && thrower.Count == 2, s_wait));
        Assert.Equal(2, bus.SubscriberCount("t"));
    }

    [Fact]
    public async Task A_slow_subscriber_delays_neither_the_publisher_nor_the_others()
    {
        var bus = CreateBus();
        using var gate = new ManualResetEventSlim(false);
        var slow = new RecordingObserver<int>(onNext: _ => gate.Wait(s_wait));
        var fast = new RecordingObserver<int>();
        using var subSlow = bus.Subscribe<int>("t").Subscribe(slow);
        using var subFast = bus.Subscribe<int>("t").Subscribe(fast);

        for (var i = 1; i <= 3; i++)
        {
            Assert.True(bus.PublishAsync("t", i).IsCompletedSuccessfully);
        }

        Assert.True(await Eventually.TrueAsync(() => fast.Count == 3, s_wait));
        Assert.True(slow.Count <= 1);
        gate.Set();
        Assert.True(await Eventually.TrueAsync(() => slow.Count == 3, s_wait));
        Assert.Equal([1, 2, 3], slow.Items);
    }

    [Fact]
    public async Task A_subscriber_that_falls_behind_its_buffer_loses_the_oldest_messages_not_the_newest()
    {
        var bus = CreateBus(capacity: 2);
        using var gate = new ManualResetEventSlim(false);
        using var firstTaken = new ManualResetEventSlim(false);
        var slow = new RecordingObserver<int>(onNext: _ =>
        {
            firstTaken.Set();
            gate.Wait(s_wait);
        });
        using var subscription = bus.Subscribe<int>("t").Subscribe(slow);

        await bus.PublishAsync("t", 1);
        Assert.True(firstTaken.Wait(s_wait));
        for (var i = 2; i <= 6; i++)
        {
            await bus.PublishAsync("t", i);
        }

        gate.Set();
        Assert.True(await Eventually.TrueAsync(() => slow.Count == 3, s_wait));

        // A sentinel once the buffer is drained, instead of a sleep: anything else still coming would precede it.
        await bus.PublishAsync("t", 7);
        Assert.True(await Eventually.TrueAsync(() => slow.Count == 4, s_wait));
        Assert.Equal([1, 5, 6, 7], slow.Items);
    }

    [Fact]
    public async Task Each_subscriber_receives_a_topic_in_publish_order()
    {
        var bus = CreateBus(capacity: 2000);
        var observer = new RecordingObserver<int>();
        using var subscription = bus.Subscribe<int>("t").Subscribe(observer);

        for (var i = 0; i < 1000; i++)
        {
            await bus.PublishAsync("t", i);
        }

        Assert.True(await Eventually.TrueAsync(() => observer.Count == 1000, s_wait));
        Assert.Equal(Enumerable.Range(0, 1000), observer.Items);
    }

    [Fact]
    public async Task Concurrent_subscribe_publish_and_dispose_leave_no_subscriber_behind()
    {
        var bus = CreateBus();
        var workers = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 200; i++)
            {
                var topic = $"topic-{i % 5}";
                using var subscription = bus.Subscribe<int>(topic).Subscribe(new RecordingObserver<int>());
                await bus.PublishAsync(topic, i);
            }
        }));

        await Task.WhenAll(workers).WaitAsync(s_wait);

        Assert.Equal(0, bus.TopicCount);
    }

    [Fact]
    public async Task Publish_validates_its_arguments_and_honours_cancellation()
    {
        var bus = CreateBus();

        await Assert.ThrowsAsync<ArgumentException>(() => bus.PublishAsync("", 1).AsTask());
        await Assert.ThrowsAsync<ArgumentNullException>(() => bus.PublishAsync<string>("t", null!).AsTask());
        await Assert.ThrowsAsync<OperationCanceledException>(() => bus.PublishAsync("t", 1, new CancellationToken(canceled: true)).AsTask());
    }

    private sealed class RecordingObserver<T>(Action<T>? onNext = null) : IObserver<T>
    {
        private readonly ConcurrentQueue<T> _items = new();

        public int Count => _items.Count;

        public T[] Items => [.. _items];

        public void OnNext(T value)
        {
            _items.Enqueue(value);
            onNext?.Invoke(value);
        }

        public void OnError(Exception error) => throw new InvalidOperationException("The bus never signals errors.", error);

        public void OnCompleted() => throw new InvalidOperationException("The bus never completes a stream.");
    }

    private sealed record Post(int Id);
}
