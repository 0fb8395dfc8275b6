using System.Security.Claims;

namespace Gateway.Auth;

/// <summary>A signed-in caller as the domain services see it: no claims parsing below the API layer.</summary>
public readonly record struct Caller(int CustomerId, bool IsAdmin)
{
    /// <summary>The caller behind <paramref name="user"/>, or null when anonymous.</summary>
    public static Caller? From(ClaimsPrincipal? user) =>
        CustomerAccess.CustomerIdOf(user) is { } id ? new Caller(id, CustomerAccess.IsAdmin(user)) : null;

    /// <summary>True when this caller may act on data owned by <paramref name="customerId"/>.</summary>
    public bool CanActFor(int customerId) => IsAdmin || CustomerId == customerId;
}
