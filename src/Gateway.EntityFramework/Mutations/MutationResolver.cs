using Gateway.EntityFramework.Execution;
using GraphQL;

namespace Gateway.EntityFramework.Mutations;

/// <summary>
/// Runs one mutation: the policy first, then the input read into its record and validated, then the module's delegate.
/// A declared exception (or an <see cref="InputValidationException"/>) becomes a payload error; anything else is a bug
/// or a field error the delegate chose (an <see cref="ExecutionError"/>) and propagates.
/// </summary>
internal sealed class MutationResolver(MutationDefinition definition, InputShape input, Func<object, object?> keyOf)
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        if (definition.Policy is { } policy)
        {
            await FieldAuthorization.DemandAsync(context, policy, null).ConfigureAwait(false);
        }

        try
        {
            var fields = context.Arguments?["input"].Value as IDictionary<string, object?>
                ?? throw new InvalidOperationException($"Mutation '{definition.Name}' received no input object.");
            var record = InputReader.Read(input, fields);
            InputValidator.Validate(input, record);
            var result = await definition.Resolve(record, context).ConfigureAwait(false);
            return new MutationResult(result is null ? null : keyOf(result), null);
        }
        catch (Exception exception) when (IsDeclared(exception))
        {
            return new MutationResult(null, [exception]);
        }
    }

    private bool IsDeclared(Exception exception) =>
        exception is InputValidationException || definition.Errors.Any(type => type.IsInstanceOfType(exception));
}
