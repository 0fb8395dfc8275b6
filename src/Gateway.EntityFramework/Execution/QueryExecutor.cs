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
    /// <summary>
    /// A root connection; with <paramref name="prepare"/> (a source that depends only on the field's arguments) read
    /// through a <see cref="PreparedRead"/> when one is kept for its field. A page with its total count is read the
    /// usual way: the count is a statement of its own.
    /// </summary>
    public async Task<ConnectionResult> ConnectionAsync(IEntityObjectType type, IQueryable source, FieldArguments arguments, bool prepare = false)
    {
        var place = prepare ? PreparedReads.ForField(scope, type) : null;
        if (place?.Read is { Page: { } preparedPage } prepared)
        {
            return ConnectionBuilder.Build(await RowsAsync(prepared, slot: null).ConfigureAwait(false), preparedPage, null);
        }

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

        // The policies its filter and sort need are demanded (and kept with a prepared read) before any statement runs.
        Action<PreparedRead>? keep = place is null || selection.TotalCount ? null : read => place.Keep(read.ForPage(page));
        var rows = await RowsAsync(source, query, shape, parameter, keep).ConfigureAwait(false);
        int? count = selection.TotalCount ? await CountAsync(source, filtered).ConfigureAwait(false) : null;
        return ConnectionBuilder.Build(rows, page, count);
    }

    /// <summary>A root list; with <paramref name="prepare"/>, as <see cref="ConnectionAsync"/>.</summary>
    public async Task<List<EntityRow>> ListAsync(IEntityObjectType type, IQueryable source, FieldArguments arguments, bool prepare = false)
    {
        var place = prepare ? PreparedReads.ForField(scope, type) : null;
        if (place?.Read is { Page: null } prepared)
        {
            return await RowsAsync(prepared, slot: null).ConfigureAwait(false);
        }

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
        return await RowsAsync(source, query, shape, parameter, place is null ? null : place.Keep).ConfigureAwait(false);
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

    /// <summary>
    /// Projects <paramref name="query"/> with <paramref name="shape"/> and materializes the rows; when the query ran as a
    /// compiled plan, hands <paramref name="prepared"/> the read to run again (see <see cref="PreparedRead"/>).
    /// </summary>
    public async Task<List<EntityRow>> RowsAsync(IQueryable source, Expression query, RowShape shape, ParameterExpression parameter,
        Action<PreparedRead>? prepared = null)
    {
        var policies = scope.RequiredPolicies;
        await scope.DemandPoliciesAsync().ConfigureAwait(false);
        var deferred = scope.TakeDeferred();
        var projected = Linq.Select(query, Expression.Lambda(shape.ToExpression(), parameter), queryable: true);
        var (raw, run) = await ReadAsync(source, projected).ConfigureAwait(false);
        if (prepared is not null && run is not null && scope.SharesReads)
        {
            prepared(new PreparedRead(run, shape, deferred, policies));
        }

        return await MaterializeAsync(raw, shape, deferred).ConfigureAwait(false);
    }

    /// <summary>The rows of a prepared read for <paramref name="slot"/>: nothing is built.</summary>
    public async Task<List<EntityRow>> RowsAsync(PreparedRead read, object? slot)
    {
        foreach (var policy in read.Policies)
        {
            scope.Require(policy);
        }

        await scope.DemandPoliciesAsync().ConfigureAwait(false);
        var raw = await CollectAsync(read.Run(scope.Db, slot)).ConfigureAwait(false);
        return await MaterializeAsync(raw, read.Shape, read.Deferred).ConfigureAwait(false);
    }

    private async Task<List<EntityRow>> MaterializeAsync(List<object?[]> raw, RowShape shape, IReadOnlyList<DeferredCollection> deferred)
    {
        var reads = new DeferredReads();
        var rows = new List<EntityRow>(raw.Count);
        foreach (var row in raw)
        {
            rows.Add(shape.Materialize(row, reads));
        }

        foreach (var collection in deferred)
        {
            await LoadDeferredAsync(collection, reads.PendingOf(collection)).ConfigureAwait(false);
        }

        return rows;
    }

    /// <summary>
    /// The rows of <paramref name="projected"/>, whose related rows are expanded into their queries only where the tree
    /// is compiled or run the usual way: a shape whose plan is compiled already skips that rewrite of the whole tree.
    /// </summary>
    private async Task<(List<object?[]> Rows, CompiledRun? Run)> ReadAsync(IQueryable source, Expression projected)
    {
        var db = scope.Db;
        if (scope.Options.CompiledPlans && CompiledPlans.TryRun(db, projected, tree => RelatedRows.Expand(db, tree), out var run) is { } compiled)
        {
            return (await CollectAsync(compiled).ConfigureAwait(false), run);
        }

        return (await source.Provider.CreateQuery<object?[]>(RelatedRows.Expand(db, projected)).ToListAsync(scope.Context.CancellationToken).ConfigureAwait(false), null);
    }

    /// <summary>The rows of a compiled query, read to the end.</summary>
    private async Task<List<object?[]>> CollectAsync(IAsyncEnumerable<object?[]> compiled)
    {
        var rows = new List<object?[]>();
        await foreach (var row in compiled.WithCancellation(scope.Context.CancellationToken).ConfigureAwait(false))
        {
            rows.Add(row);
        }

        return rows;
    }

    /// <summary>
    /// One query for a nested list of every parent read: <c>WHERE key IN (...)</c>, projected like any root row;
    /// a page or list of a single parent is read on its own (<see cref="SingleParentPage"/>, <see cref="SingleParentList"/>).
    /// Either is prepared once per collection of a prepared shape and run again for the next request's parents.
    /// </summary>
    private async Task LoadDeferredAsync(DeferredCollection collection, IReadOnlyList<(object Key, DeferredValue Value)> pending)
    {
        if (pending.Count == 0)
        {
            return;
        }

        var distinct = pending.Select(p => p.Key).Distinct().ToList();
        if (distinct.Count == 1 && await OneParentAsync(collection, distinct[0]).ConfigureAwait(false) is (true, var ofParent))
        {
            foreach (var (_, value) in pending)
            {
                value.Value = ofParent;
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

        List<EntityRow> rows;
        if (collection.ForParents is { } prepared && scope.SharesReads)
        {
            rows = await RowsAsync(prepared, keys).ConfigureAwait(false);
        }
        else
        {
            var source = EntitySets.Of(scope.Db, collection.EntityClrType);
            var query = Linq.Where(source.Expression,
                Expression.Lambda(Linq.Contains(ValueParameter.SlotList(keys), key), parameter), queryable: true);
            var shape = new ProjectionCompiler(scope).Build(collection.Owner, parameter, [collection.Field], ProjectionContext.ForRoot(scope.Db, query, parameter));
            shape.Ensure(new RowSlot(RowShape.KeyKey, key));
            rows = await RowsAsync(source, query, shape, parameter, read => collection.ForParents = read).ConfigureAwait(false);
        }

        var byKey = rows.ToDictionary(r => r.TryGet(RowShape.KeyKey, out var k) ? k! : throw new InvalidOperationException("Key not projected."));
        foreach (var (parentKey, value) in pending)
        {
            value.Value = byKey.TryGetValue(parentKey, out var row) && row.TryGet(collection.Field.ResponseKey, out var loaded) ? loaded : null;
        }
    }

    /// <summary>A single parent's page or list read on its own, or (false, null) where neither form applies.</summary>
    private async Task<(bool Loaded, object? Value)> OneParentAsync(DeferredCollection collection, object parentKey)
    {
        if (collection.ForOneParent is { } prepared && scope.SharesReads)
        {
            return (true, prepared.Finish(await RowsAsync(prepared.Read, parentKey).ConfigureAwait(false), parentKey));
        }

        Func<List<EntityRow>, object, object?> finish;
        List<EntityRow> rows;
        if (SingleParentPage.TryBuild(scope, collection, parentKey) is { } page)
        {
            finish = (read, _) => page.Build(read);
            rows = await RowsAsync(page.Source, page.Query, page.Shape, page.Element, read => collection.ForOneParent = new(read, finish)).ConfigureAwait(false);
        }
        else if (SingleParentList.TryBuild(scope, collection, parentKey) is { } list)
        {
            finish = (read, key) => list.Finish(read, key);
            rows = await RowsAsync(list.Source, list.Query, list.Shape, list.Element, read => collection.ForOneParent = new(read, finish)).ConfigureAwait(false);
        }
        else
        {
            return (false, null);
        }

        return (true, finish(rows, parentKey));
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
