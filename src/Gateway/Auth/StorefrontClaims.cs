namespace Gateway.Auth;

/// <summary>
/// The claims contract of the gateway's tokens: <c>sub</c> is the customer's id (read back as
/// <see cref="System.Security.Claims.ClaimTypes.NameIdentifier"/>), <c>role</c> is <see cref="AdminRole"/> or
/// <see cref="CustomerRole"/> (read back as <see cref="System.Security.Claims.ClaimTypes.Role"/>), <c>name</c> the display name.
/// </summary>
public static class StorefrontClaims
{
    public const string Subject = "sub";
    public const string Role = "role";
    public const string Name = "name";

    public const string AdminRole = "admin";
    public const string CustomerRole = "customer";
}
