using Gateway.EntityFramework.Types;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework.Execution;

/// <summary>Checks field policies through the request's <see cref="IEntityFieldAuthorizer"/>; denies when none is registered.</summary>
internal static class FieldAuthorization
{
    public static async ValueTask DemandAsync(IResolveFieldContext context, string policy, EntityRow? row)
    {
        var authorizer = context.RequestServices?.GetService<IEntityFieldAuthorizer>();
        if (authorizer is null || !await authorizer.AuthorizeAsync(context, policy, row).ConfigureAwait(false))
        {
            throw new QueryEngineError(QueryEngineErrorCodes.NotAuthorized, $"The current user is not authorized to access '{context.FieldDefinition.Name}' (policy '{policy}').");
        }
    }
}
