using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Relay;
using Gateway.EntityFramework.Types;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace Gateway.EntityFramework;

/// <summary>
/// Loads entities by primary key, projected for the selection of the field being resolved, as the engine's own
/// fields are: for fields resolved outside the projection (a mutation payload's entity, a DataLoader-backed
/// field) whose type is an <see cref="EntityType{T}"/>. One SQL statement per call, whatever the number of keys.
/// </summary>
public static class EntityLoadingExtensions
{
    /// <summary>
    /// Loads the rows of <typeparamref name="T"/> with these keys for the current field's selection, in the
    /// order of <paramref name="keys"/>, null where a key is unknown.
    /// </summary>
    public static async Task<IReadOnlyList<EntityRow?>> LoadEntitiesAsync<T>(this IResolveFieldContext context, IEnumerable<object> keys)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(context);
        var model = context.RequestServices?.GetRequiredService<EntityModel>()
            ?? throw new InvalidOperationException("ExecutionOptions.RequestServices must be set to load entities.");
        var type = model.EntityType(typeof(T));
        var keyList = keys.ToList();
        if (keyList.Count == 0)
        {
            return [];
        }

        await using var lease = await DbContextLease.CreateAsync(context, model.ContextType).ConfigureAwait(false);
        var db = lease.Db;
        var rows = await NodeResolver.LoadAsync(new QueryScope(context, db, model), type, keyList.Distinct().ToList()).ConfigureAwait(false);
        return keyList.Select(key => rows.GetValueOrDefault(key)).ToList();
    }

    /// <summary>Loads the row of <typeparamref name="T"/> with this key for the current field's selection, or null.</summary>
    public static async Task<EntityRow?> LoadEntityAsync<T>(this IResolveFieldContext context, object key)
        where T : class =>
        (await context.LoadEntitiesAsync<T>([key]).ConfigureAwait(false))[0];
}
