using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Gateway.Rest;

/// <summary>
/// Parses query-string values and collects what is wrong with them, so that a malformed value is answered
/// like an out-of-range one: 400 with a ProblemDetails body naming each bad parameter. (Binding them as
/// <c>int?</c> would leave a malformed value to the framework's bare 400 without a body.)
/// </summary>
public sealed class QueryErrors
{
    private readonly Dictionary<string, string[]> _errors = new(StringComparer.Ordinal);

    public bool Any => _errors.Count > 0;

    public void Add(string parameter, string message) => _errors[parameter] = [message];

    /// <summary>The 400 response listing every bad parameter.</summary>
    public ValidationProblem ToProblem() => TypedResults.ValidationProblem(_errors, title: "Invalid query parameters.");

    public int? Int32(string parameter, string? value, int min, int max)
    {
        if (value is null)
        {
            return null;
        }
        if (!int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number) || number < min || number > max)
        {
            Add(parameter, max == int.MaxValue
                ? $"'{parameter}' must be an integer of at least {min}."
                : $"'{parameter}' must be an integer from {min} to {max}.");
            return null;
        }
        return number;
    }

    public decimal? Decimal(string parameter, string? value, decimal min)
    {
        if (value is null)
        {
            return null;
        }
        if (!decimal.TryParse(value, NumberStyles.Number, CultureInfo.InvariantCulture, out var number) || number < min)
        {
            Add(parameter, $"'{parameter}' must be a number of at least {min.ToString(CultureInfo.InvariantCulture)}.");
            return null;
        }
        return number;
    }

    /// <summary>One of <paramref name="allowed"/>, compared exactly; null when the parameter is absent.</summary>
    public string? OneOf(string parameter, string? value, params string[] allowed)
    {
        if (value is null || allowed.Contains(value, StringComparer.Ordinal))
        {
            return value;
        }
        Add(parameter, $"'{parameter}' must be one of: {string.Join(", ", allowed)}.");
        return null;
    }
}
