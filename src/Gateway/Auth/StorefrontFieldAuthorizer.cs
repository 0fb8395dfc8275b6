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
            // Filtering or sorting on a private field (row is null) is for admins only: for anyone else the filter
            // would tell whose email matches. Reading it from a row needs the row's owner, which the engine does
            // not expose to authorizers yet, so until it does only admins pass here.
            CustomerPolicies.OwnerOrAdmin => CustomerAccess.IsAdmin(context.User),
            _ => false,
        });
    }
}
