using Gateway.DataLoader;
using System.Collections;
using System.Linq.Expressions;
using Gateway.EntityFramework.Execution;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Types;
using GraphQL;

namespace Gateway.EntityFramework.Relay;

/// <summary>
/// Resolves <c>node(id:)</c> and <c>nodes(ids:)</c>: ids grouped by type, one projected query per type
/// (<c>WHERE id IN (...)</c>) whatever the number of ids, results in request order, null for unknown ids.
/// </summary>
internal sealed class NodeResolver(EntityModel model)
{
    private const string KeySlot = RowShape.KeyKey;

    public ValueTask<object?> NodeAsync(IResolveFieldContext context)
    {
        var id = context.GetArgument<string>("id");
        if (IsMalformed(id))
        {
            throw new QueryEngineError(QueryEngineErrorCodes.InvalidId, $"'{id}' is not a valid id.");
        }

        if (!TryParse(id, out var type, out var key))
        {
            return ValueTask.FromResult<object?>(null); // a well-formed id of a type the schema does not have
        }

        // Through the request's loader, so that node fields with the same selection share one statement. A row the
        // caller may not see is not loaded (its type's row rule is in the statement): null, as for an unknown id.
        return ValueTask.FromResult<object?>(context.GetDataLoader<NodeBatchLoader>().LoadAsync(key, new NodeSelection(type, context)));
    }

    public async ValueTask<object?> NodesAsync(IResolveFieldContext context)
    {
        var ids = context.GetArgument<List<string>>("ids");
        if (ids.Count > model.Options.MaxNodeIds)
        {
            throw new QueryEngineError(QueryEngineErrorCodes.TooManyIds, $"At most {model.Options.MaxNodeIds} ids may be resolved at once; got {ids.Count}.");
        }

        // a malformed id is reported but does not null the whole list (nodes is [Node]!)
        foreach (var id in ids.Where(IsMalformed))
        {
            context.Errors.Add(new QueryEngineError(QueryEngineErrorCodes.InvalidId, $"'{id}' is not a valid id.") { Path = context.ResponsePath });
        }

        return await ResolveAsync(context, ids).ConfigureAwait(false);
    }

    private async Task<object?[]> ResolveAsync(IResolveFieldContext context, IReadOnlyList<string> ids)
    {
        var results = new object?[ids.Count];
        var byType = new Dictionary<IEntityObjectType, List<(int Index, object Key)>>();
        for (var i = 0; i < ids.Count; i++)
        {
            if (TryParse(ids[i], out var type, out var key))
            {
                (byType.TryGetValue(type, out var list) ? list : byType[type] = []).Add((i, key));
            }
        }

        if (byType.Count == 0)
        {
            return results;
        }

        await using var lease = await DbContextLease.CreateAsync(context, model.ContextType).ConfigureAwait(false);
        var db = lease.Db;
        var scope = new QueryScope(context, db, model);
        foreach (var (type, keys) in byType)
        {
            var rows = await LoadAsync(scope, type, keys.Select(k => k.Key).Distinct().ToList()).ConfigureAwait(false);
            foreach (var (index, key) in keys)
            {
                results[index] = rows.GetValueOrDefault(key);
            }
        }

        return results;
    }

    internal static async Task<Dictionary<object, EntityRow>> LoadAsync(QueryScope scope, IEntityObjectType type, List<object> keys)
    {
        var idField = type.IdField!;
        var typedKeys = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(idField.Expression!.ReturnType))!;
        keys.ForEach(k => typedKeys.Add(k));
        var executor = new QueryExecutor(scope);
        var place = PreparedReads.ForSelection(scope, type);
        var rows = place?.Read is { } prepared
            ? await executor.RowsAsync(prepared, typedKeys).ConfigureAwait(false)
            : await BuildAndReadAsync(scope, executor, type, typedKeys, place).ConfigureAwait(false);
        return rows.ToDictionary(r => r.TryGet(KeySlot, out var value) ? value! : throw new InvalidOperationException("Key not projected."));
    }

    private static Task<List<EntityRow>> BuildAndReadAsync(QueryScope scope, QueryExecutor executor, IEntityObjectType type, IList typedKeys,
        PreparedReads.Place? place)
    {
        var parameter = Expression.Parameter(type.ClrType, "x");
        var key = ParameterReplacer.Inline(type.IdField!.Expression!, parameter);
        var source = EntitySets.Of(scope.Db, type.ClrType);
        // A row the caller may not see is not found, like an unknown id: its existence is not leaked.
        var query = scope.Rules.Restrict(Linq.Where(source.Expression,
            Expression.Lambda(Linq.Contains(ValueParameter.SlotList(typedKeys), key), parameter), queryable: true), type, queryable: true);

        var fields = scope.Context.FieldAst.SelectionSet is { } selectionSet
            ? SelectionCollector.Collect(scope.Context, type, [selectionSet])
            : [];
        var shape = new ProjectionCompiler(scope).Build(type, parameter, fields, ProjectionContext.ForRoot(scope.Db, query, parameter));
        shape.Ensure(new RowSlot(KeySlot, key));
        return executor.RowsAsync(source, query, shape, parameter, place is null ? null : place.Keep);
    }

    /// <summary>Not a global id, or an id of a known type whose key does not parse; ids of unknown types are merely not found.</summary>
    private bool IsMalformed(string? id) =>
        !GlobalId.TryDecode(id, out var typeName, out var keyText)
        || (model.EntityTypeByName(typeName) is { IdField: { } idField } && !GlobalId.TryConvertKey(keyText, idField.TargetClrType, out _));

    private bool TryParse(string? id, out IEntityObjectType type, out object key)
    {
        type = null!;
        key = null!;
        if (!GlobalId.TryDecode(id, out var typeName, out var keyText)
            || model.EntityTypeByName(typeName) is not { IdField: { } idField } entityType
            || !GlobalId.TryConvertKey(keyText, idField.TargetClrType, out var value) || value is null)
        {
            return false;
        }

        type = entityType;
        key = value;
        return true;
    }
}
