using System.Linq.Expressions;
using Gateway.EntityFramework.Filtering;
using Gateway.EntityFramework.Paging;
using Gateway.EntityFramework.Projection;
using Gateway.EntityFramework.Sorting;
using Gateway.EntityFramework.Types;
using GraphQLParser.AST;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace Gateway.EntityFramework.Execution;

/// <summary>Runs a root query: filter, order, keyset page and projection in one SQL statement (plus a COUNT only when totalCount is selected).</summary>
internal sealed class QueryExecutor(QueryScope scope)
{
    public async Task<ConnectionResult> ConnectionAsync(IEntityObjectType type, IQueryable source, FieldArguments arguments)
    {
        var parameter = Expression.Parameter(type.ClrType, "x");
        var filtered = Filter(type, scope.Rules.Restrict(source.Expression, type, queryable: true), parameter, arguments);
        var keys = new SortKeyBuilder(scope).Build(type, parameter, arguments.Raw("order"), appendPrimaryKey: true);
        var page = PageRequest.Parse(arguments, scope.Options, keys.Select(k => k.Key.Type).ToList(), SortKeyBuilder.Signature(keys));
        var query = ProjectionCompiler.ApplyCursors(filtered, parameter, keys, page, queryable: true);
        query = SortKeyBuilder.Apply(query, parameter, keys, page.Backward, queryable: true);
        query = Linq.Take(query, page.Size + 1, queryable: true);

        var selection = ConnectionSelection.Analyze(scope.Context, scope.Context.FieldDefinition.ResolvedType!, Root());
        var fields = SelectionCollector.Collect(scope.Context, type, selection.NodeSelections);
        var shape = new ProjectionCompiler(scope).Build(type, parameter, fields,
            ProjectionContext.ForRoot(scope.Db, query, parameter, CorrelatedAggregates.AnySelected(type, fields)));
        ProjectionCompiler.AddCursorSlot(shape, keys);
        await scope.DemandPoliciesAsync().ConfigureAwait(false);

        var rows = await RowsAsync(source, query, shape, parameter).ConfigureAwait(false);
        int? count = selection.TotalCount ? await CountAsync(source, filtered).ConfigureAwait(false) : null;
        return ConnectionBuilder.Build(rows, page, count);
    }

    public async Task<List<EntityRow>> ListAsync(IEntityObjectType type, IQueryable source, FieldArguments arguments)
    {
        var parameter = Expression.Parameter(type.ClrType, "x");
        var query = Filter(type, scope.Rules.Restrict(source.Expression, type, queryable: true), parameter, arguments);
        if (arguments.Raw("order") is { } order)
        {
            var keys = new SortKeyBuilder(scope).Build(type, parameter, order, appendPrimaryKey: true);
            query = SortKeyBuilder.Apply(query, parameter, keys, reverse: false, queryable: true);
        }

        var fields = SelectionCollector.Collect(scope.Context, type, Root());
        var shape = new ProjectionCompiler(scope).Build(type, parameter, fields,
            ProjectionContext.ForRoot(scope.Db, query, parameter, CorrelatedAggregates.AnySelected(type, fields)));
        await scope.DemandPoliciesAsync().ConfigureAwait(false);
        return await RowsAsync(source, query, shape, parameter).ConfigureAwait(false);
    }

    public async Task<EntityRow?> SingleAsync(IEntityObjectType type, IQueryable source)
    {
        var parameter = Expression.Parameter(type.ClrType, "x");
        // The first row by primary key: a limit without an order is undefined (and EF Core warns of it on every new shape).
        var keys = PrimaryKey.Of(scope.Db, parameter);
        var query = scope.Rules.Restrict(source.Expression, type, queryable: true);
        for (var i = 0; i < keys.Count; i++)
        {
            query = Linq.OrderBy(query, Expression.Lambda(keys[i], parameter), descending: false, first: i == 0, queryable: true);
        }

        query = Linq.Take(query, 1, queryable: true);
        var shape = new ProjectionCompiler(scope).Build(type, parameter, SelectionCollector.Collect(scope.Context, type, Root()), ProjectionContext.ForRoot(scope.Db, query, parameter));
        var rows = await RowsAsync(source, query, shape, parameter).ConfigureAwait(false);
        return rows.FirstOrDefault();
    }

    /// <summary>Projects <paramref name="query"/> with <paramref name="shape"/> and materializes the rows.</summary>
    public async Task<List<EntityRow>> RowsAsync(IQueryable source, Expression query, RowShape shape, ParameterExpression parameter)
    {
        await scope.DemandPoliciesAsync().ConfigureAwait(false);
        var deferred = scope.TakeDeferred();
        var projected = Linq.Select(query, Expression.Lambda(shape.ToExpression(), parameter), queryable: true);
        var raw = await ReadAsync(source, projected).ConfigureAwait(false);
        var rows = raw.Select(shape.Materialize).ToList();
        foreach (var collection in deferred)
        {
            await LoadDeferredAsync(collection).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>
    /// The rows of <paramref name="projected"/>, whose related rows are expanded into their queries only where the tree
    /// is compiled or run the usual way: a shape whose plan is compiled already skips that rewrite of the whole tree.
    /// </summary>
    private async Task<List<object?[]>> ReadAsync(IQueryable source, Expression projected)
    {
        var cancellation = scope.Context.CancellationToken;
        var db = scope.Db;
        if (scope.Options.CompiledPlans && CompiledPlans.TryRun(db, projected, tree => RelatedRows.Expand(db, tree)) is { } compiled)
        {
            var rows = new List<object?[]>();
            await foreach (var row in compiled.WithCancellation(cancellation).ConfigureAwait(false))
            {
                rows.Add(row);
            }

            return rows;
        }

        return await source.Provider.CreateQuery<object?[]>(RelatedRows.Expand(db, projected)).ToListAsync(cancellation).ConfigureAwait(false);
    }

    /// <summary>
    /// One query for a nested list of every parent read: <c>WHERE key IN (...)</c>, projected like any root row;
    /// a page of a single parent is read on its own (<see cref="SingleParentPage"/>).
    /// </summary>
    private async Task LoadDeferredAsync(DeferredCollection collection)
    {
        if (collection.Pending.Count == 0)
        {
            return;
        }

        var distinct = collection.Pending.Select(p => p.Key).Distinct().ToList();
        if (distinct.Count == 1 && SingleParentPage.TryBuild(scope, collection, distinct[0]) is { } single)
        {
            var page = single.Build(await RowsAsync(single.Source, single.Query, single.Shape, single.Element).ConfigureAwait(false));
            foreach (var (_, value) in collection.Pending)
            {
                value.Value = page;
            }

            return;
        }

        if (distinct.Count == 1 && SingleParentList.TryBuild(scope, collection, distinct[0]) is { } list)
        {
            var listed = list.Finish(await RowsAsync(list.Source, list.Query, list.Shape, list.Element).ConfigureAwait(false), distinct[0]);
            foreach (var (_, value) in collection.Pending)
            {
                value.Value = listed;
            }

            return;
        }

        var parameter = Expression.Parameter(collection.EntityClrType, "p");
        var key = PrimaryKey.Single(scope.Db, parameter);
        var keys = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(key.Type))!;
        foreach (var value in distinct)
        {
            keys.Add(value);
        }

        var source = EntitySets.Of(scope.Db, collection.EntityClrType);
        var query = Linq.Where(source.Expression,
            Expression.Lambda(Linq.Contains(ValueParameter.List(keys), key), parameter), queryable: true);
        var shape = new ProjectionCompiler(scope).Build(collection.Owner, parameter, [collection.Field], ProjectionContext.ForRoot(scope.Db, query, parameter));
        shape.Ensure(new RowSlot(RowShape.KeyKey, key));
        var rows = await RowsAsync(source, query, shape, parameter).ConfigureAwait(false);
        var byKey = rows.ToDictionary(r => r.TryGet(RowShape.KeyKey, out var k) ? k! : throw new InvalidOperationException("Key not projected."));
        foreach (var (parentKey, value) in collection.Pending)
        {
            value.Value = byKey.TryGetValue(parentKey, out var row) && row.TryGet(collection.Field.ResponseKey, out var loaded) ? loaded : null;
        }
    }

    private Expression Filter(IEntityObjectType type, Expression query, ParameterExpression parameter, FieldArguments arguments)
    {
        if (arguments.Raw("where") is IDictionary<string, object?> where
            && new FilterExpressionBuilder(scope).Build(type, parameter, where) is { } predicate)
        {
            return Linq.Where(query, Expression.Lambda(predicate, parameter), queryable: true);
        }

        return query;
    }

    private Task<int> CountAsync(IQueryable source, Expression filtered) =>
        ((IAsyncQueryProvider)source.Provider).ExecuteAsync<Task<int>>(RelatedRows.Expand(scope.Db, Linq.Count(filtered, queryable: true)), scope.Context.CancellationToken);

    private IEnumerable<GraphQLSelectionSet> Root() =>
        scope.Context.FieldAst.SelectionSet is { } selectionSet ? [selectionSet] : [];
}
