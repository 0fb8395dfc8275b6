using System.Collections.Concurrent;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Text;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace Gateway.Http.Cost;

/// <summary>
/// The result of a cost walk over an operation, kept for the next request of the same parsed document with the same
/// values in the variables that can change it. The walk's result depends on the operation, the schema and the
/// parsed arguments, and the cost reads only whole-number slicing arguments (<c>first: $n</c>) and boolean
/// <c>@skip</c>/<c>@include</c> conditions: so the key is the variables whose value is a whole number, a boolean or
/// null (a string, an input object or a list cannot change the walk). A screen whose variables are ids and strings
/// (the product page) walks its document once.
/// </summary>
internal sealed class CostWalkMemo<TResult>
{
    public const int MaxValueSetsPerOperation = 64;

    private readonly ConditionalWeakTable<GraphQLOperationDefinition, OperationWalks> _operations = [];

    public async ValueTask<TResult> GetOrWalkAsync(ValidationContext context, Func<ValidationContext, ValueTask<TResult>> walk)
    {
        var walks = _operations.GetValue(context.Operation, static operation => new OperationWalks(operation));
        var key = walks.KeyOf(context.Variables);
        if (walks.Results.TryGetValue(key, out var known))
        {
            return known;
        }

        var result = await walk(context).ConfigureAwait(false);
        if (walks.Results.Count < MaxValueSetsPerOperation)
        {
            walks.Results.TryAdd(key, result);
        }

        return result;
    }

    private sealed class OperationWalks(GraphQLOperationDefinition operation)
    {
        private readonly string[] _variables = operation.Variables?.Items.Select(v => v.Variable.Name.StringValue).ToArray() ?? [];

        public ConcurrentDictionary<string, TResult> Results { get; } = new(StringComparer.Ordinal);

        public string KeyOf(Inputs? values)
        {
            StringBuilder? key = null;
            foreach (var name in _variables)
            {
                if (values is null || !values.TryGetValue(name, out var value))
                {
                    continue;
                }

                if (value is null or bool or int or long or short or byte or sbyte or uint or ulong or ushort or BigInteger)
                {
                    (key ??= new()).Append(name).Append('=').Append(value?.ToString() ?? "null").Append('\u001f');
                }
            }

            return key?.ToString() ?? string.Empty;
        }
    }
}
