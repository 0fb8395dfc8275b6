using System.Globalization;
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
}
