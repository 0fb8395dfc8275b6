using Gateway.Auth;
using Gateway.EntityFramework;
using Gateway.EntityFramework.RootTypes;
using Gateway.Messaging;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.Sales;

/// <summary><c>onOrderStatusChanged: Order!</c>: status changes of the caller's own orders, or of every order for admins.</summary>
public sealed class OrderSubscriptions : SubscriptionFields
{
    public OrderSubscriptions() =>
        Field("onOrderStatusChanged", new NonNullGraphType(new GraphQLTypeReference("Order")))
            .Description("Streams status changes of the signed-in customer's orders (every order's for admins) from now on.")
            .ResolveStream(context =>
            {
                // Read once, when the subscription starts: a socket's identity is fixed for its lifetime.
                var caller = Caller.From(context.User) ?? throw AuthorizationErrors.NotAuthenticated(context.Path);
                var changes = context.RequestServices!.GetRequiredService<ITopicEventBus>().Subscribe<OrderStatusChanged>(OrderTopics.StatusChanges);
                return new VisibleChanges(changes, caller);
            })
            .ResolveAsync(async context => await context.LoadEntityAsync<Order>(((OrderStatusChanged)context.Source!).OrderId));

    /// <summary>The changes of one topic that <see cref="Caller"/> may see; the topic carries every customer's orders.</summary>
    private sealed class VisibleChanges(IObservable<OrderStatusChanged> changes, Caller caller) : IObservable<OrderStatusChanged>
    {
        public IDisposable Subscribe(IObserver<OrderStatusChanged> observer) => changes.Subscribe(new Filter(observer, caller));

        private sealed class Filter(IObserver<OrderStatusChanged> observer, Caller caller) : IObserver<OrderStatusChanged>
        {
            public void OnNext(OrderStatusChanged value)
            {
                if (caller.CanActFor(value.CustomerId))
                {
                    observer.OnNext(value);
                }
            }

            public void OnError(Exception error) => observer.OnError(error);

            public void OnCompleted() => observer.OnCompleted();
        }
    }
}
