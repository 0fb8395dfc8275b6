namespace Gateway.Auth;

/// <summary>Settings of the <c>Auth</c> configuration section: how bearer tokens are issued and validated.</summary>
public sealed class AuthOptions
{
    public const string Section = "Auth";

    /// <summary>Shortest accepted signing key, in UTF-8 bytes: HMAC-SHA256 needs a 256-bit secret.</summary>
    public const int MinimumSigningKeyBytes = 32;

    /// <summary>The <c>iss</c> claim written into tokens and required of incoming ones.</summary>
    public string Issuer { get; set; } = "storefront-gateway";

    /// <summary>The <c>aud</c> claim written into tokens and required of incoming ones.</summary>
    public string Audience { get; set; } = "storefront";

    /// <summary>The HMAC-SHA256 secret (at least 32 UTF-8 bytes). Set outside source control in production.</summary>
    public string? SigningKey { get; set; }

    /// <summary>How long an issued token stays valid unless the issuer asks otherwise.</summary>
    public double TokenLifetimeHours { get; set; } = 8;
}
