namespace Gateway.Messaging;

/// <summary>The bus's view of one subscription: it only hands messages over.</summary>
internal interface ITopicSubscriber
{
    /// <summary>Queues <paramref name="message"/> for delivery if it has the subscriber's type; never blocks.</summary>
    void Offer(object message);
}
