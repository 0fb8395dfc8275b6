using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Gateway.Auth;

/// <summary>The parsed arguments of <see cref="TokenCommand"/>.</summary>
internal sealed record TokenRequest(int CustomerId, bool IsAdmin, TimeSpan? Lifetime)
{
    public static bool TryParse(IReadOnlyList<string> args, [NotNullWhen(true)] out TokenRequest? request, out string problem)
    {
        request = null;
        int? customerId = null;
        var isAdmin = false;
        TimeSpan? lifetime = null;
        for (var i = 0; i < args.Count; i++)
        {
            var option = args[i];
            if (i + 1 >= args.Count)
            {
                problem = $"Option {option} needs a value.";
                return false;
            }
            var value = args[++i];
            switch (option)
            {
                case "--customer" when int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0:
                    customerId = id;
                    break;
                case "--customer":
                    problem = $"--customer takes a positive customer id, not '{value}'.";
                    return false;
                case "--role" when value is StorefrontClaims.AdminRole or StorefrontClaims.CustomerRole:
                    isAdmin = value == StorefrontClaims.AdminRole;
                    break;
                case "--role":
                    problem = $"--role is '{StorefrontClaims.AdminRole}' or '{StorefrontClaims.CustomerRole}', not '{value}'.";
                    return false;
                case "--hours" when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var hours)
                                    && hours > 0 && hours <= 24 * 366:
                    lifetime = TimeSpan.FromHours(hours);
                    break;
                case "--hours":
                    problem = $"--hours takes a lifetime in hours above 0 (at most a year), not '{value}'.";
                    return false;
                default:
                    problem = $"Unknown option {option}.";
                    return false;
            }
        }
        if (customerId is null)
        {
            problem = "--customer is required.";
            return false;
        }
        request = new TokenRequest(customerId.Value, isAdmin, lifetime);
        problem = string.Empty;
        return true;
    }
}
