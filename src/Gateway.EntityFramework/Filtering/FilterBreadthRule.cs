using System.Collections;
using GraphQL;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace Gateway.EntityFramework.Filtering;

/// <summary>
/// Bounds the filters of a whole operation before it runs: the terms (every set field or operation of every
/// <c>where</c>, and/or branches included) and the <c>in</c>/<c>nin</c> values. Each term becomes SQL and each value
/// a parameter, so an operation inside these bounds never reaches a database limit (SQLite's 32,766 variables or its
/// expression depth of 1,000). Counts the coerced values, so filters passed as variables count too.
/// </summary>
internal sealed class FilterBreadthRule(IOptions<EntityFrameworkOptions> options) : ValidationRuleBase
{
    public const string Code = "FILTER_TOO_BROAD";

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is not { } arguments)
        {
            return default;
        }

        var limits = options.Value;
        var breadth = new Breadth();
        foreach (var fieldArguments in arguments.Values)
        {
            if (fieldArguments.TryGetValue("where", out var where) && where.Value is IDictionary<string, object?> filter)
            {
                breadth.Count(filter, limits.MaxFilterTerms + limits.MaxFilterValues);
            }
        }

        if (breadth.Terms > limits.MaxFilterTerms)
        {
            context.ReportError(Error($"The operation's filters have {breadth.Terms} terms; the limit is {limits.MaxFilterTerms}.", limits.MaxFilterTerms, "terms", breadth.Terms));
        }
        else if (breadth.Values > limits.MaxFilterValues)
        {
            context.ReportError(Error($"The operation's filters list {breadth.Values} values; the limit is {limits.MaxFilterValues}.", limits.MaxFilterValues, "values", breadth.Values));
        }

        return default;
    }

    private static ValidationError Error(string message, int limit, string measuredName, int measured)
    {
        var error = new ValidationError(message) { Code = Code };
        error.AddExtension("limit", limit);
        error.AddExtension(measuredName, measured);
        return error;
    }

    private sealed class Breadth
    {
        public int Terms { get; private set; }

        public int Values { get; private set; }

        /// <summary>Stops descending once past <paramref name="stop"/>: the verdict is known.</summary>
        public void Count(object? value, int stop)
        {
            if (Terms + Values > stop)
            {
                return;
            }

            switch (value)
            {
                case IDictionary<string, object?> fields:
                    foreach (var (name, item) in fields)
                    {
                        if (item is null)
                        {
                            continue;
                        }

                        Terms++;
                        if (name is "in" or "nin" && item is ICollection list)
                        {
                            Values += list.Count;
                        }
                        else
                        {
                            Count(item, stop);
                        }
                    }

                    break;
                case IEnumerable items and not string:
                    foreach (var item in items)
                    {
                        Count(item, stop);
                    }

                    break;
            }
        }
    }
}
