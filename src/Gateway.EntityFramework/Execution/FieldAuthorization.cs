using Gateway.EntityFramework.Types;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Execution;

/// <summary>Checks field policies through the request's <see cref="IEntityFieldAuthorizer"/>; denies when none is registered.</summary>
internal static class FieldAuthorization
{
    /// <summary>
    /// Passes <paramref name="value"/> through when it is not a row of a type with a row policy or the caller passes
    /// that policy; throws the authorizer's error otherwise (the field resolves to null with it).
    /// </summary>
    public static async ValueTask<object?> DemandRowAsync(IResolveFieldContext context, object? value)
    {
        if (value is EntityRow { GraphType: IEntityObjectType { RowPolicy: { } policy } } row)
        {
            await DemandAsync(context, policy, row).ConfigureAwait(false);
        }

        return value;
    }

    public static async ValueTask DemandAsync(IResolveFieldContext context, string policy, EntityRow? row)
    {
        var authorizer = context.RequestServices?.GetService<IEntityFieldAuthorizer>();
        if (authorizer is null || !await authorizer.AuthorizeAsync(context, policy, row).ConfigureAwait(false))
        {
            throw new QueryEngineError(QueryEngineErrorCodes.NotAuthorized, $"The current user is not authorized to access '{context.FieldDefinition.Name}' (policy '{policy}').");
        }
    }
}
