using Gateway.Customers;
using Gateway.EntityFramework.Types;
using GraphQL;

namespace Gateway.Auth;

/// <summary>
/// The query engine's policy check for the storefront's guarded fields (<see cref="CustomerPolicies"/>).
/// Anonymous callers get AUTH_NOT_AUTHENTICATED (thrown here, since the engine itself only knows "not authorized");
/// signed-in callers who may not read the field get the engine's AUTH_NOT_AUTHORIZED.
/// </summary>
internal sealed class StorefrontFieldAuthorizer : IEntityFieldAuthorizer
{
    public ValueTask<bool> AuthorizeAsync(IResolveFieldContext context, string policy, EntityRow? row)
    {
        if (!CustomerAccess.IsSignedIn(context.User))
        {
            throw AuthorizationErrors.NotAuthenticated(context.Path);
        }
        return ValueTask.FromResult(policy switch
        {
            CustomerPolicies.SignedIn => true,
            CustomerPolicies.Admin => CustomerAccess.IsAdmin(context.User),
            // The row's resource is the owning customer's id (Customer: its id; Order: its customer; OrderLine: its
            // order's customer). Filtering or sorting on a private field has no row: admins only, or the filter
            // would tell whose email matches.
            CustomerPolicies.OwnerOrAdmin => row?.Resource is int owner
                ? CustomerAccess.CanSeePrivateDataOf(context.User, owner)
                : CustomerAccess.IsAdmin(context.User),
            _ => false,
        });
    }
}
