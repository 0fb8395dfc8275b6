using Gateway.EntityFramework.Types;
using GraphQL;

namespace Gateway.EntityFramework.Execution;

/// <summary>Resolves a root field declared in <see cref="EntityQueries{TContext}"/> with its own DbContext.</summary>
internal sealed class RootFieldResolver(EntityModel model, EntityFieldDefinition definition)
{
    public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
    {
        if (definition.Policy is not null)
        {
            await FieldAuthorization.DemandAsync(context, definition.Policy, null).ConfigureAwait(false);
        }

        await using var lease = await DbContextLease.CreateAsync(context, model.ContextType).ConfigureAwait(false);
        var db = lease.Db;
        var scope = new QueryScope(context, db, model);
        var arguments = new FieldArguments(context, context.Arguments);
        var type = model.EntityType(definition.TargetClrType);
        var source = definition.RootSource!(db, arguments);
        var executor = new QueryExecutor(scope);
        return definition.Kind switch
        {
            // A declared root source is made from the field's arguments alone: its reads may be prepared.
            EntityFieldKind.Connection => await executor.ConnectionAsync(type, source, arguments, prepare: true).ConfigureAwait(false),
            EntityFieldKind.List => await executor.ListAsync(type, source, arguments, prepare: true).ConfigureAwait(false),
            _ => await executor.SingleAsync(type, source).ConfigureAwait(false),
        };
    }
}
