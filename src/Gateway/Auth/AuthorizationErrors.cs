using GraphQL;

namespace Gateway.Auth;

/// <summary>
/// The field errors of denied access, with Hot Chocolate's codes so its clients work unchanged. A resolver throws
/// one (GraphQL.NET then sets path and location, and the field resolves to null) or adds it to <c>context.Errors</c>.
/// </summary>
public static class AuthorizationErrors
{
    /// <summary>The caller is anonymous (or presented no usable identity) and the field needs a signed-in customer.</summary>
    public const string NotAuthenticatedCode = "AUTH_NOT_AUTHENTICATED";

    /// <summary>The caller is signed in but may not read or do this.</summary>
    public const string NotAuthorizedCode = "AUTH_NOT_AUTHORIZED";

    public static ExecutionError NotAuthenticated(IEnumerable<object>? path = null) =>
        Create("The current user is not authenticated: sign in to access this field.", NotAuthenticatedCode, path);

    public static ExecutionError NotAuthorized(IEnumerable<object>? path = null) =>
        Create("The current user is not authorized to access this field.", NotAuthorizedCode, path);

    /// <summary>The error that fits the caller: not authenticated for anonymous callers, not authorized otherwise.</summary>
    public static ExecutionError Denied(System.Security.Claims.ClaimsPrincipal? user, IEnumerable<object>? path = null) =>
        CustomerAccess.IsSignedIn(user) ? NotAuthorized(path) : NotAuthenticated(path);

    private static ExecutionError Create(string message, string code, IEnumerable<object>? path) =>
        new(message) { Code = code, Path = path };
}
