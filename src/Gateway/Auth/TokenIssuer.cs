using System.Globalization;
using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth;

/// <summary>Signs bearer tokens with the same <see cref="AuthOptions"/> the gateway validates them with.</summary>
public sealed class TokenIssuer(IOptions<AuthOptions> options, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    /// <summary>A token for <paramref name="customerId"/>, valid from now for <paramref name="lifetime"/> (default: <see cref="AuthOptions.TokenLifetimeHours"/>).</summary>
    public string Issue(int customerId, string name, bool isAdmin, TimeSpan? lifetime = null)
    {
        var settings = options.Value;
        var now = time.GetUtcNow().UtcDateTime;
        return _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = now + (lifetime ?? TimeSpan.FromHours(settings.TokenLifetimeHours)),
            Claims = new Dictionary<string, object>
            {
                [StorefrontClaims.Subject] = customerId.ToString(CultureInfo.InvariantCulture),
                [StorefrontClaims.Name] = name,
                [StorefrontClaims.Role] = isAdmin ? StorefrontClaims.AdminRole : StorefrontClaims.CustomerRole,
            },
            SigningCredentials = new SigningCredentials(SigningKeyOf(settings), SecurityAlgorithms.HmacSha256),
        });
    }

    internal static SymmetricSecurityKey SigningKeyOf(AuthOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey ?? string.Empty));
}
