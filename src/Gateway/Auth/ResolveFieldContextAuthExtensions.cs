using GraphQL;

namespace Gateway.Auth;

/// <summary>Authorization guards for resolvers: each either answers or throws the matching field error.</summary>
public static class ResolveFieldContextAuthExtensions
{
    /// <summary>The signed-in customer's id; throws <see cref="AuthorizationErrors.NotAuthenticated"/> for anonymous callers.</summary>
    public static int RequireCustomerId(this IResolveFieldContext context) =>
        CustomerAccess.CustomerIdOf(context.User) ?? throw AuthorizationErrors.NotAuthenticated(context.Path);
}
