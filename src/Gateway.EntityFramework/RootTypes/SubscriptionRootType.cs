using GraphQL.Types;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>The <c>Subscription</c> root: the fields of every registered <see cref="SubscriptionFields"/>, in registration order.</summary>
internal sealed class SubscriptionRootType : ObjectGraphType
{
    public SubscriptionRootType(IServiceProvider services)
    {
        Name = "Subscription";
        foreach (var field in RootFieldsRegistration.Instances<SubscriptionFields>(services).SelectMany(f => f.Fields))
        {
            AddField(field);
        }
    }
}
