using System.Globalization;
using System.Linq.Expressions;
using System.Security.Claims;

namespace Gateway.Auth;

/// <summary>
/// Who may see what, in one place: a customer's private data (email, orders) belongs to that customer and to admins.
/// Pure functions of the caller's claims, so resolvers, filters and services all ask the same question the same way.
/// </summary>
public static class CustomerAccess
{
    /// <summary>The signed-in customer's id, or null for an anonymous caller (or a token without a numeric subject).</summary>
    public static int? CustomerIdOf(ClaimsPrincipal? user)
    {
        if (user?.Identity?.IsAuthenticated != true)
        {
            return null;
        }
        var subject = user.FindFirst(ClaimTypes.NameIdentifier)?.Value ?? user.FindFirst(StorefrontClaims.Subject)?.Value;
        return int.TryParse(subject, NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
    }

    /// <summary>True when the caller is signed in (with a customer id).</summary>
    public static bool IsSignedIn(ClaimsPrincipal? user) => CustomerIdOf(user) is not null;

    /// <summary>True when the caller is a signed-in admin.</summary>
    public static bool IsAdmin(ClaimsPrincipal? user) =>
        IsSignedIn(user)
        && (user!.IsInRole(StorefrontClaims.AdminRole) || user.HasClaim(StorefrontClaims.Role, StorefrontClaims.AdminRole));

    /// <summary>True when the caller is that customer or an admin: the rule for email, orders and order lines.</summary>
    public static bool CanSeePrivateDataOf(ClaimsPrincipal? user, int customerId) =>
        CustomerIdOf(user) is { } callerId && (callerId == customerId || IsAdmin(user));

    /// <summary>
    /// The same rule as a row rule, for rows owned by the customer <paramref name="owner"/> names: none for an admin
    /// (every row), the caller's own rows for a customer, no row for an anonymous caller.
    /// </summary>
    public static Expression<Func<T, bool>>? OwnRowsOf<T>(ClaimsPrincipal? user, Expression<Func<T, int>> owner)
    {
        if (IsAdmin(user))
        {
            return null;
        }

        if (CustomerIdOf(user) is not int customerId)
        {
            return _ => false;
        }

        // A captured value, not a constant: EF Core sends it as a parameter, one SQL text for every customer.
        Expression<Func<int>> caller = () => customerId;
        return Expression.Lambda<Func<T, bool>>(Expression.Equal(owner.Body, caller.Body), owner.Parameters);
    }
}
