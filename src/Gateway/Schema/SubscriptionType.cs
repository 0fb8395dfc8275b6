using Gateway.Reviews;
using Gateway.Sales;
using GraphQL.Types;

namespace Gateway.Schema;

/// <summary>
/// The <c>Subscription</c> root, served over WebSocket (<c>graphql-transport-ws</c>): each module declares its fields
/// in its own folder and the root composes them, as <c>Mutation</c> does.
/// </summary>
public sealed class SubscriptionType : ObjectGraphType
{
    public SubscriptionType()
    {
        Name = "Subscription";
        ReviewSubscriptions.AddTo(this);
        OrderSubscriptions.AddTo(this);
    }
}
