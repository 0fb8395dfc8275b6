using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;

namespace Gateway.Auth;

/// <summary>
/// Builds the bearer validation from <see cref="AuthOptions"/> when the handler first needs it (not at registration),
/// so test hosts and environment variables that override <c>Auth:*</c> are honoured.
/// </summary>
internal sealed class ConfigureJwtBearerOptions(IOptions<AuthOptions> auth) : IConfigureNamedOptions<JwtBearerOptions>
{
    public void Configure(string? name, JwtBearerOptions options)
    {
        if (name != JwtBearerDefaults.AuthenticationScheme)
        {
            return;
        }
        var settings = auth.Value;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = settings.Issuer,
            ValidAudience = settings.Audience,
            IssuerSigningKey = TokenIssuer.SigningKeyOf(settings),
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidateIssuerSigningKey = true,
            // Clocks of one host and its clients drift little; the default five minutes keeps expired tokens alive too long.
            ClockSkew = TimeSpan.FromSeconds(30),
            NameClaimType = StorefrontClaims.Name,
        };
        // A gateway API has no use for the exception text in WWW-Authenticate; the JSON body explains the failure.
        options.IncludeErrorDetails = false;
        options.Events = new JwtBearerEvents { OnChallenge = BearerChallenge.WriteAsync };
    }

    public void Configure(JwtBearerOptions options) => Configure(Options.DefaultName, options);
}
