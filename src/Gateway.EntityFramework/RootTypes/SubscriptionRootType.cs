using GraphQL.Types;

namespace Gateway.EntityFramework.RootTypes;

/// <summary>The <c>Subscription</c> root: the fields of every registered <see cref="SubscriptionFields"/>, in registration order.</summary>
internal sealed class SubscriptionRootType : ObjectGraphType
{
    public SubscriptionRootType(IServiceProvider services)
    {
        Name = "Subscription";
        var owners = new RootFieldOwners(this);
        foreach (var fields in RootFieldsRegistration.Instances<SubscriptionFields>(services))
        {
            foreach (var field in fields.Fields)
            {
                owners.Add(field, fields.GetType());
            }
        }
    }
}
