using System.Text;
using Microsoft.Extensions.Options;

namespace Gateway.Auth;

/// <summary>
/// Runs at start-up (ValidateOnStart), so a gateway without a usable signing key refuses to serve instead of
/// accepting tokens signed with a guessable secret.
/// </summary>
internal sealed class AuthOptionsValidator : IValidateOptions<AuthOptions>
{
    public ValidateOptionsResult Validate(string? name, AuthOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.SigningKey))
        {
            failures.Add(
                $"Auth:SigningKey is not set. Set it to a random secret of at least {AuthOptions.MinimumSigningKeyBytes} bytes " +
                "(for example the environment variable Auth__SigningKey, or dotnet user-secrets); " +
                "only appsettings.Development.json carries a development key.");
        }
        else if (Encoding.UTF8.GetByteCount(options.SigningKey) < AuthOptions.MinimumSigningKeyBytes)
        {
            failures.Add(
                $"Auth:SigningKey is {Encoding.UTF8.GetByteCount(options.SigningKey)} bytes long; " +
                $"HMAC-SHA256 needs at least {AuthOptions.MinimumSigningKeyBytes} bytes.");
        }
        if (string.IsNullOrWhiteSpace(options.Issuer))
        {
            failures.Add("Auth:Issuer must not be empty.");
        }
        if (string.IsNullOrWhiteSpace(options.Audience))
        {
            failures.Add("Auth:Audience must not be empty.");
        }
        if (!(options.TokenLifetimeHours > 0))
        {
            failures.Add("Auth:TokenLifetimeHours must be more than 0.");
        }
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
