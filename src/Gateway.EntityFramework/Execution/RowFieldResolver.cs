using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;
using GraphQL;
using GraphQL.Types;

namespace Gateway.EntityFramework.Execution;

/// <summary>Resolves an entity field from its projected row, by response key (so aliases keep their own values).</summary>
internal static class RowFieldResolver
{
    public static async ValueTask<object?> ResolveAsync(IResolveFieldContext context, EntityFieldDefinition definition)
    {
        if (context.Source is not EntityRow row)
        {
            throw new InvalidOperationException(
                $"{context.ParentType.Name}.{definition.Name} must be resolved from a row projected by the query engine, not from {context.Source?.GetType().Name ?? "null"}.");
        }

        if (definition.Policy is not null)
        {
            await FieldAuthorization.DemandAsync(context, definition.Policy, row).ConfigureAwait(false);
        }

        if (definition.Kind == EntityFieldKind.Resolved)
        {
            row.TryGet(definition.HiddenKey, out var key);
            return await definition.Resolver!(context, key).ConfigureAwait(false);
        }

        var responseKey = (context.FieldAst.Alias?.Name ?? context.FieldAst.Name).StringValue;
        if (!row.TryGet(responseKey, out var value))
        {
            throw new InvalidOperationException($"'{responseKey}' was not projected for {context.ParentType.Name}.");
        }

        if (value is FieldErrorValue refused)
        {
            throw refused.CreateError();
        }

        if (definition.Kind == EntityFieldKind.Reference && value is null
            && context.FieldDefinition.ResolvedType is NonNullGraphType { ResolvedType: IEntityObjectType { RowRule: not null } })
        {
            // The schema promises a row the caller may not see: an authorization error (null then propagates to the
            // parent, as GraphQL prescribes) rather than a server error for a null in a non-null field.
            throw new QueryEngineError(QueryEngineErrorCodes.NotAuthorized, $"The current user is not authorized to access '{context.FieldDefinition.Name}'.");
        }

        return value;
    }
}
