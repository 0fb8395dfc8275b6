namespace Gateway.Messaging;

/// <summary>
/// Publishes messages to named topics and streams them to subscribers, the source of GraphQL
/// subscription fields (<c>Field&lt;T&gt;("onX").ResolveStream(ctx =&gt; bus.Subscribe&lt;X&gt;("x"))</c>).
/// </summary>
/// <remarks>
/// The contract is transport-neutral so that an in-process and a distributed implementation are
/// interchangeable: delivery is asynchronous and at-most-once, each subscriber sees a topic's
/// messages in publish order, and a subscriber that cannot keep up or throws never holds back
/// the publisher or the other subscribers.
/// </remarks>
public interface ITopicEventBus
{
    /// <summary>
    /// Publishes <paramref name="message"/> to every current subscriber of <paramref name="topic"/>
    /// whose message type <typeparamref name="T"/> is assignable from the message's type.
    /// </summary>
    /// <typeparam name="T">The message type.</typeparam>
    /// <param name="topic">The topic name (case-sensitive, not empty).</param>
    /// <param name="message">The message; not <see langword="null"/>.</param>
    /// <param name="cancellationToken">Cancels the publication before it is handed over.</param>
    /// <returns>A task that completes once the message has been handed to the bus, not once it is delivered.</returns>
    ValueTask PublishAsync<T>(string topic, T message, CancellationToken cancellationToken = default);

    /// <summary>
    /// Returns a stream of the messages published to <paramref name="topic"/> from the moment an
    /// observer subscribes; disposing the returned subscription stops delivery and releases it.
    /// The stream never completes on its own.
    /// </summary>
    /// <typeparam name="T">The message type to receive; messages of other types are skipped.</typeparam>
    /// <param name="topic">The topic name (case-sensitive, not empty).</param>
    /// <returns>A cold observable: nothing is registered until <see cref="IObservable{T}.Subscribe"/> is called.</returns>
    IObservable<T> Subscribe<T>(string topic);
}
